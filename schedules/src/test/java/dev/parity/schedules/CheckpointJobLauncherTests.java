package dev.parity.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.parity.core.cutover.CheckpointLauncher;
import dev.parity.core.cutover.CheckpointLauncher.CheckpointLaunch;

/**
 * Without a {@code checksumJob} the kill switch's checkpoint launches nothing and says so; it never
 * pretends (the launch itself is proven by {@code CutoverApiFunctionalTests}).
 */
class CheckpointJobLauncherTests {

	@Test
	void withoutAChecksumJobNothingIsLaunchedAndTheNoteSaysSo() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("countsJob", "not a job");
		// a null operator: any launch attempt would fail the test with a NullPointerException
		CheckpointJobLauncher launcher = new CheckpointJobLauncher(new JobLocator(beans), null, Clock.systemUTC(), null);
		assertThat(launcher.launch("kill switch: error-rate (incident 1)"))
			.isEqualTo(new CheckpointLaunch(null, "checkpoint not taken: checksum job not available"))
			.extracting(CheckpointLaunch::taken)
			.isEqualTo(false);
		assertThat(CheckpointLauncher.NOT_AVAILABLE).isEqualTo("checkpoint not taken: checksum job not available");
	}

}
