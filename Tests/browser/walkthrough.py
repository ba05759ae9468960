"""The web app in a real browser, as its people use it: Debian's Chromium, headless, driven by
Selenium against a server started on demo data. Each step asserts what a person would see and
saves a screenshot of the page.

Usage: walkthrough.py BASE_URL SCREENSHOT_FOLDER MAIL_FOLDER (where the server writes its .eml files)
"""

import datetime
import email
import glob
import json
import os
import sys
import time
import urllib.request
import zoneinfo

from selenium_axe_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, SHOTS, MAIL = sys.argv[1], sys.argv[2], sys.argv[3]
PASSWORD = "sessiondesk-demo"
PARENT = "parent1@northside.example"
OFFICE = "office@northside.example"
os.makedirs(SHOTS, exist_ok=True)


def browser(phone=False):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    if phone:
        # A window cannot be narrower than 500 px; a phone's screen is emulated instead.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 375, "height": 812, "pixelRatio": 2}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    return driver


def api(path, token=None, body=None):
    request = urllib.request.Request(BASE + "/api/v1" + path, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.load(response)


# Serious and critical WCAG 2.1 A and AA violations found by axe-core, by page; the walk fails on any.
ACCESSIBILITY = {}
CHECKED = []


def shot(driver, name):
    """Saves a screenshot of the page and checks it with axe-core against WCAG 2.1 A and AA."""
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    CHECKED.append(name)
    Axe(driver).inject()
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(done).catch(error => done({error: String(error)}));")
    assert "error" not in results, results
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    if serious:
        ACCESSIBILITY[name] = [f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"][0] for n in v["nodes"][:5]) for v in serious]


def replaced(page):
    """Whether the element `page` belongs to a page that has been left.

    While a navigation is under way, chromedriver sometimes answers for an element of the old page
    with "Node with given id does not belong to the document" instead of a stale-element error;
    that, too, means the page was replaced.
    """
    def check(driver):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return check


def follow(driver, element):
    """Clicks a link or submit button and waits for the next page to replace this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(replaced(page))
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def text(driver, css):
    return driver.find_element(By.CSS_SELECTOR, css).text


def log_in(driver, email, password=PASSWORD):
    driver.delete_all_cookies()
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))
    assert "Hello," in text(driver, "h1"), driver.page_source


def request_first_free_time(driver, note):
    """From the dashboard: Request a session → first engagement → first day with free times → first slot."""
    follow(driver, driver.find_element(By.LINK_TEXT, "Request a session"))
    choice = Select(driver.find_element(By.ID, "engagement"))
    # With several engagements the first option asks to choose one; with one, it is the one.
    choice.select_by_index(1 if len(choice.options) > 1 else 0)
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Show free times']"))
    if not driver.find_elements(By.CSS_SELECTOR, "input[name=start]"):
        follow(driver, driver.find_element(By.CSS_SELECTOR, "ul.days a"))
    shot(driver, "parent-request-form")
    slot = driver.find_element(By.CSS_SELECTOR, "input[name=start]")
    chosen = slot.get_attribute("value")
    slot.click()
    driver.find_element(By.ID, "note").send_keys(note)
    follow(driver, driver.find_element(By.XPATH, "//button[text()='Send request']"))
    assert text(driver, "#state") == "Waiting for the tutor", driver.page_source
    return driver.current_url, chosen


def newest_mail(to, containing, timeout=20):
    """The newest .eml to `to` whose text contains `containing`, once the delivery worker wrote it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for path in sorted(glob.glob(os.path.join(MAIL, "*.eml")), key=os.path.getmtime, reverse=True):
            with open(path, "rb") as file:
                message = email.message_from_bytes(file.read())
            if to not in message["To"]:
                continue
            parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in message.walk() if not part.is_multipart()}
            if containing in parts.get("text/plain", ""):
                return parts
        time.sleep(0.3)
    raise AssertionError(f"no email to {to} containing {containing!r} in {MAIL}")


def background(driver, css, contains):
    items = [item for item in driver.find_elements(By.CSS_SELECTOR, css) if contains in item.text]
    assert items, f"no {css} showing {contains!r}"
    return items[0].value_of_css_property("background-color")


def walk():
    office_token = api("/login", body={"email": OFFICE, "password": PASSWORD})["token"]
    tutors = api("/tutors", office_token)["items"]
    tutor_emails = {tutor["name"]: tutor["email"] for tutor in tutors}
    driver = browser()
    try:
        # 1. A parent logs in and requests a session from the free slots.
        log_in(driver, PARENT)
        shot(driver, "parent-dashboard")
        cards = driver.find_elements(By.CSS_SELECTOR, "a.when[href^='/sessions/']")
        assert cards, "the dashboard's session cards are links"
        link, _ = request_first_free_time(driver, "Could we go over fractions?")
        heading = text(driver, "h1")
        tutor = next(name for name in tutor_emails if f" with {name} for " in heading)
        shot(driver, "parent-request-pending")
        driver.get(BASE + "/")
        when = text(driver, f"a[href='{link.removeprefix(BASE)}']")
        assert background(driver, "li.request", when) == "rgba(220, 238, 255, 1)", "pending requests are light blue"
        print(f"1. {PARENT} asked {tutor} for {when}")

        # 2. The tutor logs in and proposes another time with a note.
        log_in(driver, tutor_emails[tutor])
        shot(driver, "tutor-dashboard")
        follow(driver, driver.find_element(By.CSS_SELECTOR, f"a[href='{link.removeprefix(BASE)}']"))
        assert "auto-declines in" in text(driver, ".due")
        for _ in range(14):
            if driver.find_elements(By.CSS_SELECTOR, "form[action$='/propose'] input[name=start]"):
                break
            day = datetime.date.fromisoformat(driver.find_element(By.ID, "pick-date").get_attribute("value")) + datetime.timedelta(days=1)
            driver.execute_script("document.getElementById('pick-date').value = arguments[0]", day.isoformat())
            follow(driver, driver.find_element(By.CSS_SELECTOR, "form.pick button"))
        slot = driver.find_element(By.CSS_SELECTOR, "form[action$='/propose'] input[name=start]")
        session_day = slot.get_attribute("value")[:10]
        slot.click()
        driver.find_element(By.ID, "propose-note").send_keys("I have a clash then; does this time work?")
        shot(driver, "tutor-propose")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Propose this time']"))
        assert text(driver, "#state") == "Another time was proposed: waiting for the family"
        proposed = driver.find_element(By.XPATH, "//dt[text()='Proposed instead']/following-sibling::dd").text
        told = text(driver, "[role=status]")
        assert told.startswith("You proposed ") and told.endswith(" and the office have been told."), told
        print(f"2. {tutor} proposed {proposed}")

        # 3. The parent accepts it; the session shows on both sides, plain (confirmed).
        log_in(driver, PARENT)
        assert background(driver, "li.request", proposed.split("–")[0]) == "rgba(236, 227, 251, 1)", "proposed times are lilac"
        driver.get(link)
        assert "I have a clash then" in text(driver, ".conversation")
        shot(driver, "parent-proposal")
        headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
        assert headings.index("Conversation") < headings.index("Your answer"), headings
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "main form button")]
        assert not ("Decline proposed time" in buttons and "Withdraw request" in buttons), f"two buttons that end the same way: {buttons}"
        follow(driver, driver.find_element(By.XPATH, "//button[starts-with(text(), 'Accept ')]"))
        assert text(driver, "#state") == "Accepted"
        told = text(driver, "[role=status]")
        assert told == f"You accepted the request: the session is booked; {tutor} and the office have been told.", told
        assert "already" not in text(driver, "main")
        start = proposed.split("–")[0]
        clock = start.split(" ")[-1]
        for who, email in (("parent", PARENT), ("tutor", tutor_emails[tutor])):
            log_in(driver, email)
            assert start in text(driver, "main"), "the session is on the dashboard"
            follow(driver, driver.find_element(By.LINK_TEXT, "Calendar"))
            driver.get(f"{BASE}/calendar?view=week&date={session_day}")
            assert background(driver, "li.entry.session", clock) == "rgba(255, 255, 255, 1)", "confirmed sessions are plain"
            shot(driver, f"{who}-calendar-week")
        print(f"3. the session at {start} is in the family's and {tutor}'s calendars, plain")

        # 4. Inside the notice period the parent reads why no time is offered.
        log_in(driver, PARENT)
        follow(driver, driver.find_element(By.LINK_TEXT, "Request a session"))
        Select(driver.find_element(By.ID, "engagement")).select_by_index(1)
        earliest_72 = driver.find_element(By.ID, "date").get_attribute("value")
        today = datetime.date.today().isoformat()
        driver.execute_script("document.getElementById('date').value = arguments[0]", today)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Show free times']"))
        refusal = text(driver, "[role=alert]")
        assert refusal.startswith("Requests must be made at least 72 hours ahead: the earliest is "), refusal
        assert not driver.find_elements(By.CSS_SELECTOR, "input[name=start]")
        shot(driver, "parent-notice-refusal")
        print(f"4. {refusal}")

        # 5. The office changes the request notice; the parent's free times follow.
        log_in(driver, OFFICE)
        follow(driver, driver.find_element(By.LINK_TEXT, "Settings"))
        notice = driver.find_element(By.ID, "requestNoticeHours")
        notice.clear()
        notice.send_keys("24")
        shot(driver, "office-settings")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save settings']"))
        assert "Saved." in text(driver, "[role=status]")
        follow(driver, driver.find_element(By.LINK_TEXT, "the wording of the messages SessionDesk sends"))
        follow(driver, driver.find_element(By.LINK_TEXT, "A request is declined"))
        subject = driver.find_element(By.ID, "subject")
        subject.clear()
        subject.send_keys("Sorry, no session: {{what}}, {{when}}")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Preview']"))
        preview = text(driver, "section.preview")
        assert "Sorry, no session: Maths with Ada Lovelace, Thu 26 Mar 10:00 GMT" in preview, preview
        shot(driver, "office-message-preview")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save']"))
        assert "Saved" in text(driver, "[role=status]") and "Your organization's wording." in text(driver, "main")
        print("5. the office previews and saves its own wording of the decline message")
        log_in(driver, PARENT)
        follow(driver, driver.find_element(By.LINK_TEXT, "Request a session"))
        Select(driver.find_element(By.ID, "engagement")).select_by_index(1)
        assert "at least 24 hours ahead" in text(driver, "#notice-rule")
        earliest_24 = driver.find_element(By.ID, "date").get_attribute("value")
        assert earliest_24 < earliest_72, (earliest_24, earliest_72)
        print(f"5. with 24 hours' notice the first day offered moved from {earliest_72} to {earliest_24}")
        follow(driver, driver.find_element(By.LINK_TEXT, "Messages"))
        messages = text(driver, "main")
        assert "Session requested" in messages and "Another time proposed" in messages, messages[:500]
        shot(driver, "parent-messages")
        details = driver.find_elements(By.CSS_SELECTOR, "ol.messages a[href*='/requests/']")
        assert details, "the Details addresses in messages are links"
        print("5. the parent's Messages page lists what they were sent (request made, time proposed)")

        # 5b. A session inside the cancellation notice: the family can no longer ask to move it
        # (a declined move would cancel it late), and the page says why.
        parent_token = api("/login", body={"email": PARENT, "password": PASSWORD})["token"]
        engagement = api("/engagements", parent_token)["items"][0]["id"]
        # The day after tomorrow at 21:30 UTC: 46 to 71 hours away, after the demo's teaching hours.
        soon = datetime.datetime.combine(
            datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=2), datetime.time(21, 30), datetime.timezone.utc)
        booked = api("/sessions", office_token, {"engagementId": engagement, "start": soon.strftime("%Y-%m-%dT%H:%M:%SZ"), "durationMinutes": 15})
        driver.get(f"{BASE}/sessions/{booked['id']}")
        page = text(driver, "main")
        assert "Ask for another time" not in page, page[:500]
        assert "Sessions can be cancelled or moved up to 72 hours ahead: the last moment for this one was" in page, page[:800]
        shot(driver, "parent-session-inside-notice")
        print("5b. a session inside the 72-hour notice offers no move, and says until when moves were possible")

        # 5c. The "Details" link of an email, opened while logged out, leads to its page once the
        # tutor has logged in; declining there says who has been told, and the family's message,
        # in the office's wording from step 5, names the time declined.
        first = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
        last = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
        start = api(f"/engagements/{engagement}/free-slots?from={first}&to={last}", parent_token)["slots"][0]["start"]
        asked = api("/session-requests", parent_token, {"engagementId": engagement, "start": start})
        teacher = next(t for t in tutors if t["id"] == api(f"/engagements", parent_token)["items"][0]["tutorId"])
        driver.delete_all_cookies()
        driver.get(f"{BASE}/requests/{asked['id']}")
        assert "/login?next=" in driver.current_url, driver.current_url
        driver.find_element(By.ID, "email").send_keys(teacher["email"])
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))
        assert driver.current_url == f"{BASE}/requests/{asked['id']}", driver.current_url
        driver.find_element(By.ID, "reason").send_keys("I am away that week.")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Decline request']"))
        told = text(driver, "[role=status]")
        assert told.startswith("You declined the request; ") and told.endswith(" and the office have been told."), told
        shot(driver, "tutor-declined")
        log_in(driver, PARENT)
        follow(driver, driver.find_element(By.LINK_TEXT, "Messages"))
        subjects = [item.text for item in driver.find_elements(By.CSS_SELECTOR, "ol.messages summary strong")]
        declined = [subject for subject in subjects if subject.startswith("Sorry, no session: ")]
        assert declined and declined[0].endswith((" GMT", " BST")), subjects
        print(f"5c. an email link led {teacher['name']} to the request after login; the family read: {declined[0]}")

        # 5d. The office sets up a new family from the web app alone (an invitation, a subject, the
        # student, an engagement with rates); the parent sets a password from the invitation and
        # requests a first session.
        log_in(driver, OFFICE)
        follow(driver, driver.find_element(By.LINK_TEXT, "People"))
        driver.find_element(By.ID, "invite-name").send_keys("Dana Cole")
        driver.find_element(By.ID, "invite-email").send_keys("dana.cole@example.com")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Send invitation']"))
        invitation = text(driver, "code.link")
        driver.find_element(By.ID, "subject-name").send_keys("Music Theory")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Add subject']"))
        assert text(driver, "[role=status]") == "Music Theory was added to the subjects.", text(driver, "#subjects")
        driver.find_element(By.ID, "student-name").send_keys("Sam Cole")
        driver.find_element(By.XPATH, "//label[contains(., 'Dana Cole')]/input").click()
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Add student']"))
        assert text(driver, "[role=status]").startswith("Sam Cole was added."), text(driver, "main")[:300]
        Select(driver.find_element(By.ID, "engagement-tutor")).select_by_visible_text(tutor)
        Select(driver.find_element(By.ID, "engagement-student")).select_by_visible_text("Sam Cole")
        Select(driver.find_element(By.ID, "engagement-subject")).select_by_visible_text("Music Theory")
        driver.find_element(By.ID, "engagement-client-rate").send_keys("48.00")
        driver.find_element(By.ID, "engagement-tutor-pay").send_keys("31.50")
        driver.find_element(By.ID, "engagement-location").send_keys("Online")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Add engagement']"))
        assert text(driver, "[role=status]") == f"Music Theory with {tutor} for Sam Cole was added.", text(driver, "main")[:300]
        assert "Family pays £48.00/h · tutor earns £31.50/h · 60 min" in text(driver, "#engagements")
        shot(driver, "office-people")
        driver.delete_all_cookies()
        driver.get(invitation)
        driver.find_element(By.ID, "password").send_keys("dana-cole-first-password")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Set password and log in']"))
        assert text(driver, "h1") == "Hello, Dana Cole", text(driver, "main")[:300]
        request_first_free_time(driver, "Our first session")
        assert f"Music Theory with {tutor} for Sam Cole" == text(driver, "h1")
        print(f"5d. the office set up Dana Cole's family on the People page; Dana requested a first Music Theory session with {tutor}")

        # 5e. The office corrects the family's details and the engagement's rate from their own
        # pages; ending the engagement is refused while Dana's first request waits, with the reason.
        log_in(driver, OFFICE)
        follow(driver, driver.find_element(By.LINK_TEXT, "People"))
        follow(driver, driver.find_element(By.LINK_TEXT, "Dana Cole"))
        assert text(driver, "h1") == "Edit Dana Cole"
        driver.find_element(By.ID, "person-phone").send_keys("07700 900123")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save']"))
        assert text(driver, "[role=status]") == "Dana Cole's details were saved.", text(driver, "main")[:300]
        assert "dana.cole@example.com · 07700900123 · Active" in text(driver, "main")
        music = f"Music Theory with {tutor} for Sam Cole"
        follow(driver, driver.find_element(By.LINK_TEXT, music))
        rate = driver.find_element(By.ID, "engagement-client-rate")
        assert rate.get_attribute("value") == "48.00", rate.get_attribute("value")
        rate.clear()
        rate.send_keys("50.00")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save']"))
        assert text(driver, "[role=status]") == f"{music}: the new terms apply to sessions booked from now on."
        assert "Family pays £50.00/h · tutor earns £31.50/h" in text(driver, "#engagements")
        follow(driver, driver.find_element(By.LINK_TEXT, music))
        shot(driver, "office-edit-engagement")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='End engagement']"))
        refusal = text(driver, "[role=alert]")
        assert refusal == f"A request through {tutor} teaching Sam Cole Music Theory waits for an answer: answer or decline it first.", refusal
        print(f"5e. the office saved Dana's phone and a new rate; ending the engagement was refused: {refusal}")

        # 5f. The office books a session for Sam Cole itself, at a time of its own tomorrow, from
        # "Log session": the tutor's engagements under their name, free times for a day ahead.
        log_in(driver, OFFICE)
        follow(driver, driver.find_element(By.LINK_TEXT, "Log session"))
        sam = "Sam Cole · Music Theory · paid by Dana Cole"
        group = driver.find_element(By.XPATH, f"//select[@id='engagement']/optgroup[option[text()='{sam}']]")
        assert group.get_attribute("label") == tutor, group.get_attribute("label")
        Select(driver.find_element(By.ID, "engagement")).select_by_visible_text(sam)
        tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        driver.execute_script("document.getElementById('date').value = arguments[0]", tomorrow)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Continue']"))
        driver.find_element(By.XPATH, "//input[@name='start' and @value='']").click()
        driver.find_element(By.ID, "time").send_keys("7:15 am")
        shot(driver, "office-book-session")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Book session']"))
        told = text(driver, "[role=status]")
        assert told == f"You booked the session; the family and {tutor} have been told.", told
        assert "07:15–08:15" in text(driver, "main")
        assert "£50.00 (£50.00/h for 60 min)" in text(driver, ".facts"), text(driver, ".facts")
        print(f"5f. the office booked Sam Cole at 7:15 am tomorrow, before {tutor}'s hours: {told}")

        # 5f2. The tutor logs last week's evening session with Sam Cole, typed the 12-hour way, sees
        # what they earn but not what the family pays, and sends the family a report, which
        # arrives by email.
        log_in(driver, tutor_emails[tutor])
        follow(driver, driver.find_element(By.LINK_TEXT, "Log session"))
        Select(driver.find_element(By.ID, "engagement")).select_by_visible_text(sam)
        last_week = datetime.date.today() - datetime.timedelta(days=6)
        driver.execute_script("document.getElementById('date').value = arguments[0]", last_week.isoformat())
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Continue']"))
        assert not driver.find_elements(By.CSS_SELECTOR, "input[name=start]"), "no free times for a day gone by"
        driver.find_element(By.ID, "time").send_keys("8:00 PM")
        shot(driver, "tutor-log-session")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Log session']"))
        assert text(driver, "[role=status]") == "You logged the session.", text(driver, "main")[:300]
        assert text(driver, "#status") == "Completed"
        facts = text(driver, ".facts")
        assert "Tutor earnings\n£31.50 (£31.50/h for 60 min)" in facts and "Client amount" not in facts, facts
        Select(driver.find_element(By.ID, "rating")).select_by_visible_text("4 of 5")
        report = "Sam sight-read two new pieces.\nNext week: intervals."
        driver.find_element(By.ID, "report").send_keys(report)
        driver.find_element(By.ID, "internalNote").send_keys("Forgot the theory book")
        shot(driver, "tutor-session-report")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save and send report']"))
        assert text(driver, "[role=status]") == "You sent the report to the family.", text(driver, "main")[:300]
        mail = newest_mail("dana.cole@example.com", "Sam sight-read two new pieces.")["text/plain"]
        assert f"{tutor} wrote a report on the session Music Theory with {tutor} for Sam Cole" in mail, mail
        assert "Forgot the theory book" not in mail
        print(f"5f2. {tutor} logged last week's 8:00 PM session (earning £31.50) and sent Dana Cole a report by email")

        # 5f2b. The office logs another of last week's sessions and marks it a late cancellation,
        # charged as its settings say.
        log_in(driver, OFFICE)
        follow(driver, driver.find_element(By.LINK_TEXT, "Log session"))
        Select(driver.find_element(By.ID, "engagement")).select_by_visible_text(sam)
        driver.execute_script("document.getElementById('date').value = arguments[0]", (last_week + datetime.timedelta(days=1)).isoformat())
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Continue']"))
        driver.find_element(By.ID, "time").send_keys("18:00")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Log session']"))
        assert "Client amount\n£50.00 (£50.00/h for 60 min)" in text(driver, ".facts"), text(driver, ".facts")
        assert "it is billed to the family and paid to the tutor" in text(driver, "main")
        driver.find_element(By.ID, "late-reason").send_keys("Cancelled by phone an hour before")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Mark late cancellation']"))
        assert text(driver, "[role=status]") == "You marked the session a late cancellation.", text(driver, "main")[:300]
        assert text(driver, "#status") == "Late cancellation", text(driver, "#status")
        assert "£50.00" in text(driver, ".facts"), "billed in full by default"
        shot(driver, "office-late-cancellation")
        Select(driver.find_element(By.ID, "template")).select_by_visible_text("Your cancellation request has been processed")
        driver.find_element(By.ID, "email-message").send_keys("As agreed, the session is charged.")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Send email']"))
        assert text(driver, "[role=status]") == "You emailed the family; the message is on its way.", text(driver, "main")[:300]
        processed = newest_mail("dana.cole@example.com", "Your cancellation request has been processed")["text/plain"]
        assert "As agreed, the session is charged." in processed, processed
        print("5f2b. the office logged last week's 18:00 session, marked it a late cancellation (billed £50.00) and emailed Dana Cole that it was processed")

        # 5f2c. The Sessions page lists Dana Cole's sessions with their report and amount; the
        # export link carries the filters.
        follow(driver, driver.find_element(By.LINK_TEXT, "Sessions"))
        Select(driver.find_element(By.ID, "client")).select_by_visible_text("Dana Cole")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Show']"))
        rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.sessions tbody tr")]
        assert any("Late cancellation" in row and "£50.00" in row for row in rows), rows
        assert any("Sent" in row and "Completed" in row for row in rows), rows
        export = driver.find_element(By.LINK_TEXT, "Export CSV").get_attribute("href")
        assert "client=" in export and export.split("?")[0].endswith("/sessions/export"), export
        shot(driver, "office-sessions")
        print(f"5f2c. the Sessions page lists Dana Cole's {len(rows)} sessions, the report sent and the late cancellation billed")

        # 5f2d. The office invoices Dana Cole for what happened up to today (the completed session
        # and the late cancellation, not tomorrow's), issues it, records a partial payment, sees
        # what is owed and emails it; Dana reads it on her Billing page.
        follow(driver, driver.find_element(By.LINK_TEXT, "Invoices"))
        Select(driver.find_element(By.ID, "client")).select_by_visible_text("Dana Cole")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Draft the invoice']"))
        number = text(driver, "h1").removeprefix("Invoice ")
        assert text(driver, "[role=status]") == f"You drafted {number}. Check its sessions, then issue it.", text(driver, "main")[:300]
        lines = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.invoice-lines tbody tr")]
        assert len(lines) == 2 and all("Sam Cole" in line and "£50.00" in line for line in lines), lines
        assert "12 Northside Road" in text(driver, ".issuer"), "the organization's address heads the invoice"
        shot(driver, "office-invoice-draft")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Issue invoice']"))
        assert text(driver, "[role=status]") == f"You issued {number}: Dana Cole sees it and owes £100.00.", text(driver, "main")[:300]
        amount = driver.find_element(By.ID, "amount")
        amount.clear()
        amount.send_keys("30")
        driver.find_element(By.ID, "reference").send_keys("Bank transfer D COLE")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Record payment']"))
        assert text(driver, "[role=status]") == "You recorded the payment: £70.00 is still due.", text(driver, "main")[:300]
        assert text(driver, ".invoice-title .state") == "Part paid"
        amount = driver.find_element(By.ID, "amount")
        amount.clear()
        amount.send_keys("80")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Record payment']"))
        assert text(driver, "[role=alert]") == f"£70.00 is due on {number}: a payment of £80.00 would be more than that.", text(driver, "main")[:300]
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Email to Dana Cole']"))
        assert text(driver, "[role=status]") == f"You emailed {number} to Dana Cole."
        shot(driver, "office-invoice-part-paid")
        mail = newest_mail("dana.cole@example.com", f"invoice {number} from")["text/plain"]
        assert all(line in mail for line in ("Total: £100.00", "Paid: £30.00", "Due by")) and "Sam Cole · Music Theory · 60 min at £50.00/h · £50.00" in mail, mail
        follow(driver, driver.find_element(By.LINK_TEXT, "← Invoices"))
        owed = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.books")[0].find_elements(By.CSS_SELECTOR, "tbody tr")]
        assert any(row.startswith("Dana Cole") and "£70.00" in row for row in owed), owed
        shot(driver, "office-invoices")
        log_in(driver, "dana.cole@example.com", "dana-cole-first-password")
        follow(driver, driver.find_element(By.LINK_TEXT, "Billing"))
        assert text(driver, ".owed") == "You owe £70.00 on 1 invoice.", text(driver, "main")[:300]
        shot(driver, "parent-billing")
        follow(driver, driver.find_element(By.LINK_TEXT, number))
        assert "Bank transfer D COLE" in text(driver, "article.invoice") and not driver.find_elements(By.ID, "amount"), "read only"
        shot(driver, "parent-invoice")
        print(f"5f2d. the office invoiced Dana Cole ({number}, £100.00), recorded £30.00, was refused £80.00 and emailed it; Dana owes £70.00 on her Billing page")
        log_in(driver, OFFICE)

        # 5f3. The office writes times the 12-hour way: the free times on the log page follow.
        driver.get(BASE + "/settings")
        Select(driver.find_element(By.ID, "timeFormat")).select_by_visible_text("4:30 PM")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save settings']"))
        follow(driver, driver.find_element(By.LINK_TEXT, "Log session"))
        Select(driver.find_element(By.ID, "engagement")).select_by_visible_text(sam)
        driver.execute_script("document.getElementById('date').value = arguments[0]", tomorrow)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Continue']"))
        labels = [label.text for label in driver.find_elements(By.CSS_SELECTOR, "label.slot")]
        assert any(label.endswith("AM") or label.endswith("PM") for label in labels), labels
        assert driver.find_element(By.ID, "time").get_attribute("placeholder") == "4:30 PM"
        shot(driver, "office-log-session-12h")
        driver.get(BASE + "/settings")
        Select(driver.find_element(By.ID, "timeFormat")).select_by_visible_text("16:30")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save settings']"))
        print(f"5f3. with times written the 12-hour way the free times read {labels[0]!r}; set back to 16:30")

        # 5g. The office narrows the calendar to one tutor; filter bars keep their fields and
        # button on one line on a desktop.
        driver.get(f"{BASE}/calendar?view=week&date={tomorrow}")
        Select(driver.find_element(By.ID, "tutor")).select_by_visible_text(tutor)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Show']"))
        assert "Sam Cole" in text(driver, ".calendar"), "the tutor's session is shown"
        assert all(tutor in entry.text for entry in driver.find_elements(By.CSS_SELECTOR, ".calendar .entry")), "only that tutor's"
        shot(driver, "office-calendar-tutor")
        driver.get(f"{BASE}/calendar?view=month")
        done = driver.find_elements(By.CSS_SELECTOR, ".calendar .entry.completed")
        assert done and done[0].value_of_css_property("text-decoration-line") == "none", "completed sessions are not struck through"
        assert "Completed" in text(driver, ".legend")
        lines = driver.execute_script(
            "const range = document.createRange(); range.selectNodeContents(document.querySelector('form[action=\"/logout\"] button'));"
            "return range.getClientRects().length")
        assert lines == 1, f"Log out takes {lines} lines"
        for page, field in ((f"{BASE}/calendar", "tutor"), (f"{BASE}/office/requests", "state")):
            driver.get(page)
            select = driver.find_element(By.ID, field).rect
            button = driver.find_element(By.CSS_SELECTOR, "form.filters button").rect
            assert abs((select["y"] + select["height"]) - (button["y"] + button["height"])) < 4, (page, select, button)
        shot(driver, "office-needs-action")
        print(f"5g. the office's calendar shows {tutor}'s week alone; filter bars sit on one line")

        # 5h. The tutor answers from the email: its HTML shows buttons, not addresses; the Accept
        # link shows the family's note and, opened while the office is logged in, says whose link it
        # is; used once it is spent, and the Decline link then says who answered, without a form.
        first = (datetime.date.today() + datetime.timedelta(days=21)).isoformat()
        last = (datetime.date.today() + datetime.timedelta(days=34)).isoformat()
        start = api(f"/engagements/{engagement}/free-slots?from={first}&to={last}", parent_token)["slots"][0]["start"]
        asked = api("/session-requests", parent_token, {"engagementId": engagement, "start": start, "note": "Could we go over fractions?"})
        mail = newest_mail(teacher["email"], "Could we go over fractions?")
        page = os.path.abspath(os.path.join(SHOTS, "email-request.html"))
        with open(page, "w") as file:
            file.write(mail["text/html"])
        driver.get("file://" + page)
        buttons = {link.text: link.get_attribute("href") for link in driver.find_elements(By.TAG_NAME, "a")}
        assert set(buttons) == {"Accept", "Decline", "Details"}, buttons
        assert "https://" not in text(driver, "body") and "http://" not in text(driver, "body"), text(driver, "body")
        shot(driver, "email-request")
        assert mail["text/plain"].startswith(f"Hello {teacher['name']},") and "Grace Adeyemi requested a session" in mail["text/plain"]
        own = newest_mail(PARENT, "Could we go over fractions?")["text/plain"]
        assert own.startswith("Hello Grace Adeyemi,") and "You requested a session" in own, own[:300]
        driver.get(buttons["Accept"])
        holder = text(driver, "[role=alert]")
        assert holder == f"This link was sent to {teacher['name']}: answering here answers as {teacher['name']}, not as you (Priya Desai).", holder
        assert "Could we go over fractions?" in text(driver, "blockquote")
        shot(driver, "action-link-accept")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Accept']"))
        done = text(driver, "[role=status]")
        assert done.startswith("Confirmed: ") and done.endswith("Everyone has been told."), done
        when = datetime.datetime.fromisoformat(start.replace("Z", "+00:00")).strftime("%a %-d %b")
        invitation = newest_mail(PARENT, f"confirmed the session: Maths with {teacher['name']} for Tobi Adeyemi on {when}")
        assert "LOCATION:" in invitation.get("text/calendar", ""), "the calendar invitation says where"
        driver.get(buttons["Accept"])
        assert text(driver, "[role=alert]").startswith("This link was already used, on "), text(driver, "main")
        driver.get(buttons["Decline"])
        answered = text(driver, "[role=alert]")
        assert answered.startswith(f"This request was already accepted by {teacher['name']} on "), answered
        assert not driver.find_elements(By.TAG_NAME, "textarea"), "an answered request offers no form"
        shot(driver, "action-link-answered")
        print(f"5h. {teacher['name']} accepted from the email's button; the link then said it was used, and Decline: {answered}")

        # 5i. The tutor takes that day off: the time off is saved with a warning that lists the
        # booked session, and their calendar shows the time off beside it.
        day = start[:10]
        after = (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
        log_in(driver, teacher["email"])
        follow(driver, driver.find_element(By.LINK_TEXT, "Availability"))
        driver.execute_script("document.getElementById('from-date').value = arguments[0]; document.getElementById('to-date').value = arguments[1]", day, after)
        driver.find_element(By.ID, "away-reason").send_keys("Training day")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Add time off']"))
        warning = text(driver, "section.warning")
        assert warning.startswith("These booked sessions fall in time off") and "Tobi Adeyemi" in warning, warning
        shot(driver, "tutor-time-off-warning")
        driver.get(f"{BASE}/calendar?view=week&date={day}")
        away = [entry.text for entry in driver.find_elements(By.CSS_SELECTOR, ".calendar .entry.away")]
        assert away == ["All day Time off (Training day)"], away
        shot(driver, "tutor-calendar-time-off")
        print(f"5i. {teacher['name']} took {day} off over a booked session: the page warned, and the calendar shows it")

        # 5j. The office makes a session from a family's request on its Needs action page.
        first = (datetime.date.today() + datetime.timedelta(days=35)).isoformat()
        last = (datetime.date.today() + datetime.timedelta(days=48)).isoformat()
        start = api(f"/engagements/{engagement}/free-slots?from={first}&to={last}", parent_token)["slots"][0]["start"]
        waiting = api("/session-requests", parent_token, {"engagementId": engagement, "start": start, "note": "After school, please"})
        log_in(driver, OFFICE)
        follow(driver, driver.find_element(By.LINK_TEXT, "Needs action"))
        follow(driver, driver.find_element(By.CSS_SELECTOR, f"a[href='/requests/{waiting['id']}']"))
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Make session']"))
        made = text(driver, "[role=status]")
        assert made.startswith("You accepted the request: the session is booked; ") and made.endswith(" have been told."), made
        shot(driver, "office-accepted")
        print(f"5j. the office made the session from Needs action: {made}")

        # 5k. Direct cancellation: the family cancels that session, weeks ahead, with a reason.
        session = api(f"/session-requests/{waiting['id']}", parent_token)["sessionId"]
        log_in(driver, PARENT)
        driver.get(f"{BASE}/sessions/{session}")
        driver.find_element(By.ID, "reason").send_keys("We are away that week.")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Cancel session']"))
        cancelled = text(driver, "[role=status]")
        assert cancelled.startswith("You cancelled the session; ") and text(driver, "#status") == "Cancelled", (cancelled, text(driver, "#status"))
        shot(driver, "parent-cancelled")
        print(f"5k. the family cancelled directly: {cancelled}")

        # 5l. Cancellation by request: with the office's setting changed, the family can only ask; the
        # office's counter shows the request and the office cancels from the session's page.
        log_in(driver, OFFICE)
        driver.get(f"{BASE}/settings")
        Select(driver.find_element(By.ID, "cancellationMode")).select_by_value("request")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Save settings']"))
        accepted = api(f"/session-requests/{asked['id']}", parent_token)["sessionId"]
        log_in(driver, PARENT)
        driver.get(f"{BASE}/sessions/{accepted}")
        assert not driver.find_elements(By.XPATH, "//button[text()='Cancel session']"), "in request mode the family only asks"
        driver.find_element(By.ID, "comment").send_keys("Tobi has a school trip.")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Ask to cancel']"))
        asked_text = text(driver, "#asked")
        shot(driver, "parent-asked-to-cancel")
        driver.get(BASE + "/")
        assert driver.find_elements(By.CSS_SELECTOR, f"li.cancellation-requested a[href='/sessions/{accepted}']"), "the family's dashboard lists it"
        log_in(driver, OFFICE)
        counter = text(driver, "a.needs")
        assert "cancel" in counter, counter
        driver.get(f"{BASE}/sessions/{accepted}")
        driver.find_element(By.ID, "reason").send_keys("As the family asked: school trip.")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Cancel session']"))
        assert text(driver, "#status") == "Cancelled", text(driver, "main")[:300]
        shot(driver, "office-cancelled-on-request")
        print(f"5l. in request mode the family asked ({asked_text}); the counter read '{counter}'; the office cancelled")

        # 5l2. A request nobody answered in time (the demo holds one, from five days ago) reads as
        # expired, with the family's words and the system's line, and offers nothing to do.
        expired = api("/session-requests?state=expired", parent_token)["items"]
        assert len(expired) == 1, expired
        log_in(driver, PARENT)
        driver.get(f"{BASE}/requests/{expired[0]['id']}")
        assert text(driver, "#state") == "Expired", text(driver, "main")[:300]
        page = text(driver, "main")
        assert "Nobody answered in time" in page and "Could we fit in one more session before the test?" in page, page[:400]
        assert not driver.find_elements(By.CSS_SELECTOR, "main form button"), "an expired request offers no move"
        shot(driver, "parent-expired-request")
        print("5l2. the family's expired request reads as expired, with its conversation, and offers nothing to do")

        # 5l3. The family answers a proposal with another time: the tutor's page offers to make the
        # session for that time (not the one proposed), and their dashboard quotes the family.
        first = (datetime.date.today() + datetime.timedelta(days=49)).isoformat()
        last = (datetime.date.today() + datetime.timedelta(days=62)).isoformat()
        slots = api(f"/engagements/{engagement}/free-slots?from={first}&to={last}", parent_token)["slots"]
        asked_again = api("/session-requests", parent_token, {"engagementId": engagement, "start": slots[0]["start"]})
        teacher_token = api("/login", body={"email": teacher["email"], "password": PASSWORD})["token"]
        api(f"/session-requests/{asked_again['id']}/propose", teacher_token, {"start": slots[4]["start"], "note": "Would this suit?"})
        api(f"/session-requests/{asked_again['id']}/respond", parent_token,
            {"action": "reply", "message": "That clashes; could we do this instead?", "start": slots[8]["start"]})
        london = zoneinfo.ZoneInfo("Europe/London")
        local = lambda instant: datetime.datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone(london).strftime("%H:%M")
        log_in(driver, teacher["email"])
        assert "That clashes; could we do this instead?" in text(driver, "main"), "the dashboard quotes the family"
        driver.get(f"{BASE}/requests/{asked_again['id']}")
        offer = text(driver, "main form h3")
        assert offer.startswith("Make the session for ") and local(slots[8]["start"]) in offer and local(slots[4]["start"]) not in offer, offer
        shot(driver, "tutor-after-reply")
        # Requests waiting for the tutor are listed by when the answer is due, not newest first.
        near = api(f"/engagements/{engagement}/free-slots?from={(datetime.date.today() + datetime.timedelta(days=5)).isoformat()}"
                   f"&to={(datetime.date.today() + datetime.timedelta(days=12)).isoformat()}", parent_token)["slots"][0]
        far = slots[12]
        soon = api("/session-requests", parent_token, {"engagementId": engagement, "start": near["start"]})
        later = api("/session-requests", parent_token, {"engagementId": engagement, "start": far["start"]})
        assert soon["respondBy"] <= later["respondBy"], (soon["respondBy"], later["respondBy"])
        driver.get(BASE + "/")
        order = [a.get_attribute("href").rsplit("/", 1)[-1] for a in driver.find_elements(By.XPATH, "//section[h2='Waiting for your answer']//li/a[@class='when']")]
        assert order.index(soon["id"]) < order.index(later["id"]), order
        print(f"5l3. after the family's reply the tutor is offered: {offer}")

        # 5m. A parent who forgot their password sets a new one from the emailed link.
        other = "parent2@northside.example"
        driver.delete_all_cookies()
        driver.get(BASE + "/login")
        follow(driver, driver.find_element(By.LINK_TEXT, "Forgot your password?"))
        driver.find_element(By.ID, "email").send_keys(other)
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Send me a link']"))
        shot(driver, "password-reset-sent")
        reset = next(line for line in newest_mail(other, "/password-reset/")["text/plain"].splitlines() if "/password-reset/" in line)
        driver.get(reset.strip())
        driver.find_element(By.ID, "password").send_keys("a-brand-new-password")
        follow(driver, driver.find_element(By.XPATH, "//button[text()='Set password and log in']"))
        assert text(driver, "h1").startswith("Hello, "), text(driver, "main")[:300]
        print(f"5m. {other} reset their password from the email and is logged in")
    finally:
        driver.quit()

    # 6. On a 375 px wide phone the request flow still works, without sideways scrolling.
    phone = browser(phone=True)
    try:
        log_in(phone, PARENT)
        request_first_free_time(phone, "Booked from my phone")
        shot(phone, "phone-request-pending")
        screen, width = phone.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
        assert screen == 375, f"the emulated screen is {screen} px wide"
        assert width <= 375, f"the page is {width} px wide on a 375 px screen"
        print("6. requested from a 375 px wide window, no sideways scrolling")
        log_in(phone, OFFICE)
        for page, name in (("/people", "phone-office-people"), (None, "phone-office-edit-engagement")):
            if page:
                phone.get(BASE + page)
            else:
                follow(phone, phone.find_element(By.CSS_SELECTOR, "#engagements li a"))
            shot(phone, name)
            width = phone.execute_script("return document.documentElement.scrollWidth")
            assert width <= 375, f"{name} is {width} px wide on a 375 px screen"
        print("6b. the office's People page and an engagement's page fit a 375 px screen")
        log_in(phone, "tutor1@northside.example")
        phone.get(BASE + "/availability")
        shot(phone, "phone-tutor-availability")
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 375, f"the availability editor is {width} px wide on a 375 px screen"
        print("6c. a tutor's availability editor fits a 375 px screen")
        pages = {
            PARENT: ["/", "/calendar?view=list", "/requests/new", "/messages", "/sessions", "/billing"],
            "tutor1@northside.example": ["/", "/calendar", "/messages", "/sessions/new", "/sessions", "/earnings"],
            OFFICE: [
                "/", "/office/requests", "/sessions/new", "/sessions", "/invoices", "/settings", "/settings/messages", "/audit",
                "/calendar?view=month",
            ],
        }
        for person, paths in pages.items():
            log_in(phone, person)
            for path in paths:
                phone.get(BASE + path)
                name = "phone-" + person.split("@")[0] + path.replace("/", "-").split("?")[0].rstrip("-")
                shot(phone, name)
                width = phone.execute_script("return document.documentElement.scrollWidth")
                assert width <= 375, f"{path} as {person} is {width} px wide on a 375 px screen"
        print(f"6d. {sum(map(len, pages.values()))} more pages of the three roles fit a 375 px screen")
        log_in(phone, PARENT)
        phone.get(BASE + "/billing")
        follow(phone, phone.find_element(By.CSS_SELECTOR, "table.invoices a"))
        shot(phone, "phone-parent-invoice")
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 375, f"an invoice is {width} px wide on a 375 px screen"
        print("6e. a family's invoice fits a 375 px screen")
    finally:
        phone.quit()


if __name__ == "__main__":
    walk()
    for page, problems in ACCESSIBILITY.items():
        print(f"accessibility: {page}:\n  " + "\n  ".join(problems))
    assert not ACCESSIBILITY, f"axe-core found serious or critical WCAG 2.1 AA violations on {len(ACCESSIBILITY)} pages"
    print(f"accessibility: no serious or critical WCAG 2.1 AA violations on the {len(CHECKED)} pages checked")
    print(f"browser: every step passed; screenshots in {SHOTS}")
