package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.branchkey.it.support.Chromium;
import io.branchkey.it.support.DemoRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The admin UI as a user drives it: sign in, go to a screen, fill its pickers and forms. */
final class AdminUi {

    private final Chromium browser;
    private final String url;

    AdminUi(Chromium browser, KeycloakUrls urls) {
        this.browser = browser;
        this.url = urls.getBase() + "/realms/" + DemoRealm.NAME + "/branchkey/ui/";
    }

    String url() {
        return url;
    }

    Chromium browser() {
        return browser;
    }

    /** Opens the UI, signs in on Keycloak's login page and waits for the start screen. */
    void signIn(String username) {
        browser.open(url);
        browser.signIn(username, DemoRealm.PASSWORD);
        browser.waitFor(By.id("who"));
        browser.waitForScreen();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#tree > li")).isEmpty());
    }

    /** Goes to a route (#/...) and waits for its screen. */
    void go(String route) {
        browser.driver().executeScript("location.hash = arguments[0];", route);
        browser.waitUntil(d -> route.split("\\?")[0].equals("#" + d.findElement(By.id("main")).getAttribute("data-route"))
                || route.equals("#/") && "/".equals(d.findElement(By.id("main")).getAttribute("data-route")));
        browser.waitForScreen();
    }

    void waitForHeading(String text) {
        browser.waitForText(By.cssSelector("main h1"), text);
        browser.waitForScreen();
    }

    /** In a form, searches a node picker named {@code name} and chooses the match whose text contains {@code match}. */
    void pickNode(String formId, String name, String search, String match) {
        By picker = By.cssSelector("#" + formId + " [data-field='" + name + "']");
        WebElement container = browser.waitFor(picker);
        WebElement input = container.findElement(By.cssSelector("input[type=search]"));
        browser.scrollIntoView(input);
        input.clear();
        input.sendKeys(search);
        container.findElement(By.xpath(".//button[normalize-space()='Find']")).click();
        By choice = By.xpath("//form[@id='" + formId + "']//*[@data-field='" + name + "']"
                + "//ul[contains(@class,'picker-results')]//button[contains(normalize-space(.), \"" + match + "\")]");
        browser.click(choice);
        browser.waitForText(By.cssSelector("#" + formId + " [data-field='" + name + "'] .picker-choice"), match);
    }

    /** In a form, searches a single-user picker and chooses the user. */
    void pickUser(String formId, String name, String username) {
        By picker = By.cssSelector("#" + formId + " [data-field='" + name + "']");
        WebElement container = browser.waitFor(picker);
        WebElement input = container.findElement(By.cssSelector("input[type=search]"));
        browser.scrollIntoView(input);
        input.clear();
        input.sendKeys(username);
        container.findElement(By.xpath(".//button[normalize-space()='Find']")).click();
        browser.click(By.xpath("//form[@id='" + formId + "']//*[@data-field='" + name + "']"
                + "//ul[contains(@class,'picker-results')]//button[contains(normalize-space(.), \"" + username + "\")]"));
    }

    void field(String formId, String name, String value) {
        browser.type(By.cssSelector("#" + formId + " [name='" + name + "']"), value);
    }

    /** Chooses the option containing the text, once it is there (selects are re-rendered as their data arrives). */
    void select(String formId, String name, String visibleText) {
        By select = By.cssSelector("#" + formId + " select[name='" + name + "']");
        browser.waitUntil(d -> {
            WebElement option = d.findElement(select).findElements(By.tagName("option")).stream()
                    .filter(o -> o.getText().contains(visibleText)).findFirst().orElse(null);
            if (option == null) {
                return false;
            }
            option.click();
            return option.isSelected();
        });
    }

    void submit(String formId) {
        browser.click(By.cssSelector("#" + formId + " button[type=submit]"));
    }

    /** The form's top-level error (role=alert) once the server has answered. */
    String formError(String formId) {
        By alert = By.cssSelector("#" + formId + " .form-error");
        browser.waitFor(alert);
        return browser.driver().findElement(alert).getText();
    }

    void assertNoCspViolations() {
        assertThat(browser.consoleErrors()).as("browser console errors")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }
}
