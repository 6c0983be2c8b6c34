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
 * and the HTTP server with Actuator health until stopped (Ctrl-C). Prints the health URL, any schedule
 * warnings (stderr) and the schedules with their next fire time. It also watches the cutover: the
 * {@link CutoverMonitor} polls the metrics source and evaluates the rollback triggers (issue #11).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Runs the Quartz schedules of parity.yml and the HTTP server (Actuator health at",
				"/actuator/health) until stopped with Ctrl-C. Several serve processes on one PostgreSQL control",
				"database form a cluster: each firing runs once, and the others take over when one stops.",
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

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ParityConfig parity = config.load();
		ConfigurableApplicationContext context = ParityRuntime.serve(parity, address, port);
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((ContextClosedEvent event) -> closed.countDown());
		RUNNING.set(context);
		String boundPort = context.getEnvironment().getProperty("local.server.port", String.valueOf(port));
		for (String line : context.getBean(ScheduleSynchronizer.class).report()) {
			(line.startsWith("warning:") ? err : out).println(line);
		}
		out.println("Parity is serving; health at http://" + address + ":" + boundPort + "/actuator/health"
				+ " (Ctrl-C stops)");
		CutoverMonitor monitor = context.getBean(CutoverMonitor.class);
		monitor.start();
		CutoverStatus cutover = context.getBean(CutoverService.class).status();
		out.println("cutover: " + cutover.phase() + " at http://" + address + ":" + boundPort + "/api/cutover; triggers "
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
