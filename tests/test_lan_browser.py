"""A real phone browser: headless Chromium at 390x844 joins, answers by touch, reloads, rejoins.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package (in the test
extra); skipped with the reason where they are missing (README: "Browser test").
"""

import os
import shutil
import threading
import time

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
if not (CHROMIUM and DRIVER):
    pytest.skip("no Chromium here: apt-get install chromium chromium-driver", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.actions.interaction import POINTER_TOUCH  # noqa: E402
from selenium.webdriver.common.actions.pointer_input import PointerInput  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from game.lan.host import PhoneHost  # noqa: E402
from game.lan.room import CHOOSE, ORDER, OpenQuestion, PhoneChoice, Room  # noqa: E402
from game.lan.server import LanServer  # noqa: E402

SHOTS = os.environ.get("THAW_BROWSER_SHOTS")     # a folder to keep the phone's screenshots in


class Pumping:
    """The game's thread, for the test: pumps the host every few ms under a lock."""

    def __init__(self, host):
        self.host = host
        self.lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            with self.lock:
                self.host.pump()
            time.sleep(0.005)

    def stop(self):
        self._stop.set()
        self._thread.join(5)


@pytest.fixture
def phone_session(tmp_path):
    host = PhoneHost(Room("KQTZ"), LanServer(host="127.0.0.1", ports=(0,)))
    port = host.start()
    pumping = Pumping(host)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0, "touch": True}})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield host, pumping, driver, f"http://127.0.0.1:{port}/?room=KQTZ"
    finally:
        driver.quit()
        pumping.stop()
        host.stop()


def tap(driver, element):
    """A finger tap, as on a touch screen (not a mouse click)."""
    finger = PointerInput(POINTER_TOUCH, "finger")
    actions = ActionBuilder(driver, mouse=finger)
    actions.pointer_action.move_to(element).pointer_down().pointer_up()
    actions.perform()


def wait_for(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda d: condition())


def visible_text(driver, element_id):
    element = driver.find_element(By.ID, element_id)
    return element.text if element.is_displayed() else ""


def shot(driver, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def test_a_phone_joins_answers_by_touch_reloads_and_rejoins(phone_session):
    host, pumping, driver, url = phone_session
    driver.get(url)
    wait_for(driver, lambda: driver.find_element(By.ID, "join").is_displayed())
    assert driver.find_element(By.ID, "room").get_attribute("value") == "KQTZ"
    shot(driver, "01-join")
    driver.find_element(By.ID, "name").send_keys("Ana")
    tap(driver, driver.find_element(By.CSS_SELECTOR, "#join-form button"))
    wait_for(driver, lambda: "You are in, Ana" in visible_text(driver, "lobby-title"))
    shot(driver, "02-lobby")
    assert [p.name for p in host.room.players.values()] == ["Ana"]

    # A whose-view question, answered with a tap.
    choices = (PhoneChoice("khrushchev", "Nikita Khrushchev", "The Secret Speech, 1956"),
               PhoneChoice("historian", "A historian", "Writing decades later"),
               PhoneChoice("forum", "A forum poster", "A Marxist-Leninist forum"))
    with pumping.lock:
        host.open_question(OpenQuestion("q1#1", CHOOSE, "“Stalin acted not through persuasion…” Whose view?",
                                        choices))
    wait_for(driver, lambda: len(driver.find_elements(By.CSS_SELECTOR, "#choices button")) == 3)
    shot(driver, "03-question")
    tap(driver, driver.find_elements(By.CSS_SELECTOR, "#choices button")[0])
    wait_for(driver, lambda: host.room.answer_count == 1)
    with pumping.lock:
        host.reveal(lambda v: 1.0 if v == "khrushchev" else 0.0, answer_label="Nikita Khrushchev",
                    explain="He speaks of Stalin's methods to the Party congress.")
    wait_for(driver, lambda: visible_text(driver, "result-title").startswith("Right!"))
    assert "Party congress" in visible_text(driver, "result-explain")
    shot(driver, "04-result")

    # A sort hand, put in order by tapping the cards.
    cards = (PhoneChoice("c", "Berlin Wall"), PhoneChoice("a", "Stalin dies"), PhoneChoice("b", "Sputnik"))
    with pumping.lock:
        host.open_question(OpenQuestion("s1#2", ORDER, "Earliest first", cards))
    wait_for(driver, lambda: len(driver.find_elements(By.CSS_SELECTOR, "#choices button")) == 3)
    for label in ("Stalin dies", "Sputnik", "Berlin Wall"):
        button = next(b for b in driver.find_elements(By.CSS_SELECTOR, "#choices button") if label in b.text)
        tap(driver, button)
    shot(driver, "05-order")
    tap(driver, driver.find_element(By.ID, "submit-order"))
    wait_for(driver, lambda: host.room.answer_count == 1)
    with pumping.lock:
        answer = next(iter(host.room._open.answers.values())).value
    assert answer == ("a", "b", "c")

    # The phone sleeps or reloads: it comes back with its token, as the same player.
    driver.refresh()
    wait_for(driver, lambda: visible_text(driver, "waiting-title") == "Answer sent")
    assert len(host.room.players) == 1 and host.room.connected[0].name == "Ana"
    shot(driver, "06-rejoined")
