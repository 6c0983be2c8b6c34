package dev.parity.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import dev.parity.app.ParityRuntime;
import dev.parity.core.config.ParityConfig;
import dev.parity.core.cutover.CutoverMonitor;
import dev.parity.core.cutover.CutoverService;
import dev.parity.core.cutover.CutoverStatus;
import dev.parity.schedules.ScheduleOverview;
import dev.parity.schedules.ScheduleSynchronizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./parity serve}: runs the Quartz schedules of parity.yml (clustered on the control database)
 * and the HTTP server — the web console, the REST API and Actuator health — until stopped (Ctrl-C).
 * Prints the console URL, any schedule warnings (stderr) and the schedules with their next fire time.
 * Refuses to start without {@code parity.users} unless {@code --insecure-local} (no login, 127.0.0.1 only).
 * It also watches the cutover: the {@link CutoverMonitor} polls the metrics source and evaluates the
 * rollback triggers.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Runs the Quartz schedules of parity.yml and the HTTP server until stopped with Ctrl-C:",
				"the web console at /, the REST API under /api (OpenAPI at /api/docs), Actuator health at",
				"/actuator/health. Users and roles come from parity.users (bcrypt hashes: ./parity password-hash);",
				"without users, serve refuses to start unless --insecure-local. Several serve processes on one",
				"PostgreSQL control database form a cluster: each firing runs once, and the others take over.",
				"It also serves the cutover (GET /api/cutover, POST /api/metrics) and evaluates its rollback",
				"triggers every parity.cutover.metrics.poll-interval; metrics at /actuator/prometheus." })
class ServeCommand implements java.util.concurrent.Callable<Integer> {

	/** The running server of this JVM, so that a test or an embedding process can stop it. */
	static final AtomicReference<ConfigurableApplicationContext> RUNNING = new AtomicReference<>();

	@Mixin
	ConfigOption config;

	@Option(names = "--port", paramLabel = "N", defaultValue = "8080",
			description = "HTTP port (default: 8080; 0 picks a free one).")
	int port;

	@Option(names = "--address", paramLabel = "IP", defaultValue = "127.0.0.1",
			description = "Address to bind (default: 127.0.0.1, this machine only).")
	String address;

	@Option(names = "--insecure-local",
			description = "Serve without login when parity.users is empty, bound to 127.0.0.1 only (a laptop trial).")
	boolean insecureLocal;

	@Spec
	CommandSpec spec;

	static boolean isLoopback(String address) {
		try {
			return java.net.InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ParityConfig parity = config.load();
		if (insecureLocal) {
			if (!isLoopback(address)) {
				throw new UserException("serve: --insecure-local serves this machine only; it cannot bind --address "
						+ address + " (leave --address out, or configure parity.users and drop --insecure-local)");
			}
			if (!parity.users().isEmpty()) {
				throw new UserException("serve: --insecure-local is for a configuration without users, but " + config.file
						+ " has parity.users; drop --insecure-local to sign in as one of them");
			}
		}
		else if (parity.users().isEmpty()) {
			throw new UserException("serve: no users are configured in " + config.file + " (parity.users), so nobody could"
					+ " sign in; add users with bcrypt hashes from ./parity password-hash, or run serve --insecure-local"
					+ " to serve this machine only without login");
		}
		ConfigurableApplicationContext context = ParityRuntime.serve(parity, insecureLocal ? "127.0.0.1" : address, port,
				insecureLocal);
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((ContextClosedEvent event) -> closed.countDown());
		RUNNING.set(context);
		String boundPort = context.getEnvironment().getProperty("local.server.port", String.valueOf(port));
		for (String line : context.getBean(ScheduleSynchronizer.class).report()) {
			(line.startsWith("warning:") ? err : out).println(line);
		}
		String base = "http://" + (insecureLocal ? "127.0.0.1" : address) + ":" + boundPort;
		out.println("Parity is serving; console at " + base + "/ , API at " + base + "/api (OpenAPI at " + base
				+ "/api/docs), health at " + base + "/actuator/health (Ctrl-C stops)");
		if (insecureLocal) {
			err.println("warning: --insecure-local: no login; anyone on this machine acts with every role");
		}
		CutoverMonitor monitor = context.getBean(CutoverMonitor.class);
		monitor.start();
		CutoverStatus cutover = context.getBean(CutoverService.class).status();
		out.println("cutover: " + cutover.phase() + " at " + base + "/api/cutover; triggers "
				+ (cutover.armed() ? "armed" : "not armed in " + cutover.phase()) + ", "
				+ (parity.cutover().metrics().prometheusUrl() == null ? "samples by POST /api/metrics"
						: "polling " + parity.cutover().metrics().prometheusUrl() + " every "
								+ dev.parity.core.cutover.Durations.text(parity.cutover().metrics().pollInterval()))
				+ "; metrics at /actuator/prometheus");
		ScheduleSection.print(context.getBean(ScheduleOverview.class), parity.timeZone(), out);
		out.flush();
		err.flush();
		if (context.isActive()) {
			closed.await();
		}
		RUNNING.compareAndSet(context, null);
		return ExitCodes.OK;
	}

}
