import App

await SessionDeskCommand.start()
