package dev.parity.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parity.reports.SignOffReport.TrendPoint;

/** The dashboard's server-side chart: coordinates follow the data; no inline style (CSP); empty is said. */
class TrendSvgTests {

	@Test
	void aRisingMatchRateAndFallingOpenCountAreDrawnBetweenTheFirstAndLastCheck() {
		String svg = TrendSvg.render(List.of(new TrendPoint(Instant.parse("2026-11-20T10:00:00Z"), 99.5, 4),
				new TrendPoint(Instant.parse("2026-11-22T10:00:00Z"), 100.0, 0)));
		// Plot: x 56..514, y 14..146. Rate 99.5 % on a 99..100 axis is half way; 4 open is the top.
		assertThat(svg).contains("<polyline points=\"56.0,80.0 514.0,14.0\" fill=\"none\" stroke=\"#1a7f37\"")
			.contains("<polyline points=\"56.0,14.0 514.0,146.0\" fill=\"none\" stroke=\"#b42318\"")
			.contains(">Nov 20 10:00</text>")
			.contains(">Nov 22 10:00 UTC</text>")
			.contains(">4</text>")
			.doesNotContain("style=");
	}

	@Test
	void aPointWithoutADiffHasNoMatchRateAndNoChecksSaySo() {
		String counts = TrendSvg.render(List.of(new TrendPoint(Instant.parse("2026-11-20T10:00:00Z"), null, 3)));
		assertThat(counts).contains("stroke=\"#b42318\"").doesNotContain("stroke=\"#1a7f37\"");
		assertThat(TrendSvg.render(List.of())).contains("no checks yet").doesNotContain("polyline");
	}

}
