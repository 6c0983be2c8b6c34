package dev.parity.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfigLoader;
import dev.parity.core.testsupport.RequiresDatabase;
import dev.parity.core.testsupport.TestDatabases;
import dev.parity.core.testsupport.TestSchema;

/**
 * The console end to end in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium) against {@code serve}'s real HTTP server: an OPERATOR
 * signs in, launches a diff of MariaDB (source) against PostgreSQL (target), watches it complete on
 * the live execution page, opens a discrepancy, accepts it with a reason, generates the sign-off report
 * and downloads the PDF, which is read back. Every page is saved under {@code target/screenshots/}.
 * Skipped, with the reason, only when Chromium or its driver is not installed (CI installs both).
 */
@RequiresDatabase({ TestDatabases.MARIADB, TestDatabases.POSTGRES })
class ConsoleEndToEndTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	@TempDir
	Path dir;

	private TestSchema source;

	private TestSchema target;

	private ConfigurableApplicationContext server;

	private WebDriver browser;

	@BeforeEach
	void given() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium is not installed (apt-get install -y chromium chromium-driver; .ci/run installs both)");
		source = TestDatabases.MARIADB.freshSchema();
		target = TestDatabases.POSTGRES.freshSchema();
		source.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(100))");
		target.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(60), email VARCHAR(100))");
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= 40; i++) {
			rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'Customer ").append(i).append("', 'c")
				.append(i).append("@example.org')");
		}
		source.execute("INSERT INTO customers VALUES " + rows);
		target.execute("INSERT INTO customers VALUES " + rows,
				// Planted: a changed e-mail, a row lost on the way, a row only the target has.
				"UPDATE customers SET email = 'c7@example.com' WHERE id = 7", "DELETE FROM customers WHERE id = 40",
				"INSERT INTO customers VALUES (99, 'Stray', 'stray@example.org')");
		Path config = dir.resolve("parity.yml");
		Files.writeString(config, """
				parity:
				  name: Shop migration
				  source: { url: "%s", username: "%s", password: "%s" }
				  target: { url: "%s", username: "%s", password: "%s" }
				  control: { url: "jdbc:h2:file:%s/control" }
				  tables:
				    - { name: customers, critical: true }
				  schedules:
				    counts: "0 0 * * * ?"
				  report: { directory: "%s/reports" }
				  users:
				    - { name: olivia, password: "{bcrypt}%s", roles: [operator] }
				""".formatted(source.url(), source.user(), source.password(), target.url(), target.user(),
				target.password(), dir, dir, new BCryptPasswordEncoder(4).encode("olivia-secret")));
		server = ParityRuntime.serve(ParityConfigLoader.load(config), "127.0.0.1", 0, false);
		Files.createDirectories(SCREENSHOTS);
		browser = chromium(dir.resolve("downloads"));
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
		if (server != null) {
			server.close();
		}
		if (source != null) {
			source.close();
		}
		if (target != null) {
			target.close();
		}
	}

	@Test
	void anOperatorLaunchesADiffWatchesItAcceptsADiscrepancyAndDownloadsTheSignOffPdf() throws Exception {
		String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));

		// given: signed in as the operator
		browser.get(base + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		shot("01-login");
		browser.findElement(By.name("username")).sendKeys("olivia");
		browser.findElement(By.name("password")).sendKeys("olivia-secret");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// Spring Security marks the replayed request with ?continue.
		wait.until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(base) + "/(\\?continue)?$"));
		assertThat(browser.findElement(By.className("verdict-word")).getText()).isEqualTo("NOT READY");

		// when: a diff of MariaDB against PostgreSQL is launched and watched to the end
		browser.get(base + "/jobs");
		new Select(browser.findElement(By.id("launch-job"))).selectByValue("diff");
		browser.findElement(By.id("launch")).click();
		wait.until(ExpectedConditions.urlMatches(".*/executions/\\d+$"));
		shot("03-execution-live");
		wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "COMPLETED"));
		// the demo's small tables share one partition (many tables: one step for them all)
		assertThat(browser.getPageSource()).contains("diffPartitionStep:(group 00000)").contains("console:olivia");
		shot("04-execution-completed");
		browser.get(base + "/jobs");
		shot("05-jobs");

		// then: its discrepancies are listed; one is opened and accepted with a reason
		browser.get(base + "/discrepancies?table=customers");
		String list = browser.findElement(By.tagName("main")).getText();
		assertThat(list).contains("3 match").contains("FIELD_MISMATCH").contains("MISSING_IN_TARGET").contains("EXTRA_IN_TARGET");
		shot("06-discrepancies");
		browser.findElement(By.xpath("//tr[td[contains(., 'FIELD_MISMATCH')]]/td[1]/a")).click();
		wait.until(ExpectedConditions.textToBe(By.id("discrepancy-status"), "OPEN"));
		String detail = browser.findElement(By.tagName("main")).getText();
		assertThat(detail).contains("c7@example.org").contains("c7@example.com").contains("seen by run");
		shot("07-discrepancy");
		browser.findElement(By.id("reason")).sendKeys("The new CRM keeps the corrected address; agreed with the data owner.");
		browser.findElement(By.id("accept")).click();
		wait.until(ExpectedConditions.textToBe(By.id("discrepancy-status"), "ACCEPTED"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("console:olivia")
			.contains("The new CRM keeps the corrected address");
		shot("08-discrepancy-accepted");

		// and: reconciliation repairs the rest of the target, and every fix is in the audit
		browser.get(base + "/jobs");
		new Select(browser.findElement(By.id("launch-job"))).selectByValue("reconcile");
		browser.findElement(By.id("launch")).click();
		wait.until(ExpectedConditions.urlMatches(".*/executions/\\d+$"));
		wait.until(ExpectedConditions.textToBe(By.id("execution-status"), "COMPLETED"));
		browser.get(base + "/audit");
		String fixes = browser.findElement(By.tagName("main")).getText();
		assertThat(fixes).contains("reconcile-insert").contains("reconcile-delete").contains("Customer 40").contains("Stray");
		shot("10-reconciliation-audit");
		assertThat(target.queryLong("SELECT count(*) FROM customers WHERE id IN (40, 99)")).isEqualTo(1);

		// and: the sign-off report is generated and its PDF downloaded
		browser.get(base + "/reports");
		browser.findElement(By.id("generate")).click();
		WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.download")));
		shot("09-reports");
		String name = link.getText();
		link.click();
		Path pdf = dir.resolve("downloads").resolve(name);
		new WebDriverWait(browser, Duration.ofSeconds(60)).until((d) -> Files.exists(pdf) && !partialDownloads());
		PdfReader reader = new PdfReader(pdf.toString());
		assertThat(reader.getNumberOfPages()).isPositive();
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		assertThat(text).contains("Shop migration").contains("NOT READY").contains("customers");

		for (Map.Entry<String, String> page : Map.of("02-dashboard", "/", "11-audit-all", "/audit?all=true",
				"12-schedules", "/schedules").entrySet()) {
			browser.get(base + page.getValue());
			Thread.sleep(800); // the dashboard's charts load after the page (htmx)
			shot(page.getKey());
		}
		assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
	}

	private boolean partialDownloads() {
		try (Stream<Path> files = Files.list(dir.resolve("downloads"))) {
			return files.anyMatch((f) -> f.toString().endsWith(".crdownload"));
		}
		catch (java.io.IOException ex) {
			return true;
		}
	}

	private void shot(String name) throws Exception {
		File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	// Flags for a closed network: no background connections Chromium would otherwise try (and wait for).
	private ChromeDriver chromium(Path downloads) throws Exception {
		Files.createDirectories(downloads);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile-"), "--window-size=1400,1300");
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("download.default_directory", downloads.toString());
		prefs.put("download.prompt_for_download", false);
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}


}
