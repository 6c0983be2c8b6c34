package dev.parity.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process that launched a job execution, recorded as a non-identifying job parameter
 * ({@link ParityJobParameters#PROCESS}: {@code host/boot/pid/start-millis}) so that an execution left
 * {@code STARTED} by a process that was killed can be told from one still running: on the same host, a
 * pid that is gone, reused by a younger process, or a host booted since, means the run is dead. From
 * another host nothing can be told.
 */
public final class LaunchingProcess {

	/** What can be told of a recorded process from here. */
	public enum Liveness {

		/** It still runs, on this host. */
		ALIVE,

		/** It is gone: same host, and the pid is not running, runs a younger process, or the host rebooted. */
		GONE,

		/** Another host, or nothing recorded: cannot be told from here. */
		UNKNOWN

	}

	private LaunchingProcess() {
	}

	/** This process, as recorded. */
	public static String current() {
		return of(ProcessHandle.current());
	}

	/** A process of this host, as recorded. */
	public static String of(ProcessHandle process) {
		long started = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
		return host() + "/" + boot() + "/" + process.pid() + "/" + started;
	}

	/** Whether the process {@code recorded} (from {@link #current}) still runs, as far as this host can tell. */
	public static Liveness judge(String recorded) {
		if (recorded == null) {
			return Liveness.UNKNOWN;
		}
		String[] parts = recorded.split("/");
		if (parts.length != 4 || !parts[0].equals(host())) {
			return Liveness.UNKNOWN;
		}
		if (!parts[1].equals(boot())) {
			return Liveness.GONE;
		}
		long pid;
		long started;
		try {
			pid = Long.parseLong(parts[2]);
			started = Long.parseLong(parts[3]);
		}
		catch (NumberFormatException ex) {
			return Liveness.UNKNOWN;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return Liveness.GONE;
		}
		long now = process.get().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(started);
		return now == started ? Liveness.ALIVE : Liveness.GONE;
	}

	/** The recorded process in words: {@code process 4242 on host db-1}. */
	public static String describe(String recorded) {
		String[] parts = recorded == null ? new String[0] : recorded.split("/");
		return parts.length == 4 ? "process " + parts[2] + " on host " + parts[0] : "an unrecorded process";
	}

	private static String host() {
		String name = read("/proc/sys/kernel/hostname");
		if (name.isEmpty()) {
			try {
				name = java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				name = "unknown-host";
			}
		}
		return name.replace('/', '_');
	}

	// Changes at every boot (Linux); empty elsewhere, which makes a reboot undetectable but nothing wrong.
	private static String boot() {
		return read("/proc/sys/kernel/random/boot_id").replace('/', '_');
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file)).strip();
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}
