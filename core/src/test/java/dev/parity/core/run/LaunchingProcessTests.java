package dev.parity.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parity.core.run.LaunchingProcess.Liveness;

class LaunchingProcessTests {

	@Test
	void thisProcessIsAliveAKilledOneGoneAnotherHostsUnknown() throws Exception {
		String self = LaunchingProcess.current();
		Process sleeper = new ProcessBuilder("sleep", "30").start();
		String killed = LaunchingProcess.of(sleeper.toHandle());
		assertThat(LaunchingProcess.judge(killed)).as("still running").isEqualTo(Liveness.ALIVE);
		sleeper.destroyForcibly().waitFor();
		String[] parts = self.split("/");

		assertThat(LaunchingProcess.judge(self)).isEqualTo(Liveness.ALIVE);
		assertThat(LaunchingProcess.judge(killed)).isEqualTo(Liveness.GONE);
		assertThat(LaunchingProcess.judge(parts[0] + "/" + parts[1] + "/" + parts[2] + "/" + (Long.parseLong(parts[3]) - 5000)))
			.as("the pid now runs a process started at another time").isEqualTo(Liveness.GONE);
		assertThat(LaunchingProcess.judge(parts[0] + "/booted-since/" + parts[2] + "/" + parts[3]))
			.as("the host rebooted").isEqualTo(Liveness.GONE);
		assertThat(LaunchingProcess.judge("elsewhere/" + parts[1] + "/" + parts[2] + "/" + parts[3])).isEqualTo(Liveness.UNKNOWN);
		assertThat(LaunchingProcess.judge(null)).isEqualTo(Liveness.UNKNOWN);
		assertThat(LaunchingProcess.judge("garbage")).isEqualTo(Liveness.UNKNOWN);
		assertThat(LaunchingProcess.describe(killed)).isEqualTo("process " + sleeper.pid() + " on host " + parts[0]);
	}

}
