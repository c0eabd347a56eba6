"""The owner's check on a phone: /verify with a receipt, with and without script."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import seed


def browser_outcome(driver):
    """Waits for verify.js to finish and returns its outcome and message."""
    result = driver.find_element(By.ID, "browser-result")
    WebDriverWait(driver, 20).until(lambda _: result.get_attribute("data-outcome") in ("pass", "fail"))
    return result.get_attribute("data-outcome"), result.text


def test_a_true_receipt_checks_out_in_the_browser(quorum_bin, database, serve, phone, screenshot):
    # setup
    receipt = seed(quorum_bin, "receipt", database)
    base = serve(database)
    # act
    phone.get(f"{base}/verify?r={receipt['receipt']}")
    outcome, message = browser_outcome(phone)
    path = screenshot(phone, "verify-pass")
    # check
    assert outcome == "pass", message
    assert message.startswith("通过")
    assert phone.find_element(By.ID, "server-result").get_attribute("data-outcome") == "pass"
    assert "核验通过" in phone.find_element(By.ID, "server-result").text
    # Nothing wider than the phone.
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 375
    assert path.stat().st_size > 0


def test_a_tampered_receipt_fails_in_the_browser(quorum_bin, database, serve, phone, screenshot):
    receipt = seed(quorum_bin, "receipt", database)
    base = serve(database)
    phone.get(f"{base}/verify?r={receipt['tampered']}")
    outcome, message = browser_outcome(phone)
    screenshot(phone, "verify-fail")
    assert outcome == "fail"
    assert message.startswith("未通过")
    assert phone.find_element(By.ID, "server-result").get_attribute("data-outcome") == "fail"


def test_the_page_works_without_script_and_in_english(quorum_bin, database, serve, phone_without_script, screenshot):
    receipt = seed(quorum_bin, "receipt", database)
    base = serve(database)
    driver = phone_without_script
    # The form, filled in and sent without script.
    driver.get(f"{base}/verify?lang=en")
    driver.find_element(By.ID, "r").send_keys(receipt["receipt"])
    driver.find_element(By.CSS_SELECTOR, "form button").click()
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "server-result"))
    screenshot(driver, "verify-no-script")
    assert driver.find_element(By.ID, "server-result").get_attribute("data-outcome") == "pass"
    assert "Verified" in driver.find_element(By.ID, "server-result").text
    assert driver.find_element(By.ID, "browser-result").get_attribute("data-outcome") == "none"
