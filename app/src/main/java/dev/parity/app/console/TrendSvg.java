package dev.parity.app.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.parity.reports.SignOffReport.TrendPoint;

/**
 * A table's trend drawn server-side as inline SVG: field match rate (green, left axis, percent) and
 * open discrepancies (red, right axis) over time, one point per check. Presentation attributes only (no
 * {@code style}), so the page's Content-Security-Policy needs no inline-style exception; the output
 * contains numbers and dates only, never user text.
 *
 * <p>Example: two checks, 99.5 % then 100 % with 4 then 0 open discrepancies, give a rising green line
 * and a falling red one between the two dates.
 */
public final class TrendSvg {

	static final int WIDTH = 560;

	static final int HEIGHT = 190;

	private static final int LEFT = 56;

	private static final int RIGHT = 46;

	private static final int TOP = 14;

	private static final int BOTTOM = 44;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

	private TrendSvg() {
	}

	public static String render(List<TrendPoint> points) {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 ").append(WIDTH).append(' ')
			.append(HEIGHT).append("\" role=\"img\" aria-label=\"match rate and open discrepancies over time\">");
		int plotW = WIDTH - LEFT - RIGHT;
		int plotH = HEIGHT - TOP - BOTTOM;
		svg.append(rect(LEFT, TOP, plotW, plotH));
		if (points.isEmpty()) {
			svg.append(text(WIDTH / 2.0, TOP + plotH / 2.0, "middle", "#555", "no checks yet")).append("</svg>");
			return svg.toString();
		}
		double minRate = 100;
		int maxOpen = 1;
		for (TrendPoint p : points) {
			if (p.matchRatePercent() != null) {
				minRate = Math.min(minRate, p.matchRatePercent());
			}
			maxOpen = Math.max(maxOpen, p.openDiscrepancies());
		}
		// At least one percentage point of range, so a 99.9 % plateau is not drawn as a cliff.
		double rateLow = Math.max(0, Math.min(minRate, 99.0));
		long first = points.get(0).at().toEpochMilli();
		long last = points.get(points.size() - 1).at().toEpochMilli();
		StringBuilder rate = new StringBuilder();
		StringBuilder open = new StringBuilder();
		StringBuilder dots = new StringBuilder();
		for (TrendPoint p : points) {
			double x = LEFT + (last == first ? plotW / 2.0 : (p.at().toEpochMilli() - first) * (double) plotW / (last - first));
			double yOpen = TOP + plotH - p.openDiscrepancies() * (double) plotH / maxOpen;
			open.append(open.isEmpty() ? "" : " ").append(num(x)).append(',').append(num(yOpen));
			dots.append(circle(x, yOpen, "#b42318"));
			if (p.matchRatePercent() != null) {
				double yRate = TOP + plotH - (p.matchRatePercent() - rateLow) * plotH / (100 - rateLow);
				rate.append(rate.isEmpty() ? "" : " ").append(num(x)).append(',').append(num(yRate));
				dots.append(circle(x, yRate, "#1a7f37"));
			}
		}
		svg.append(polyline(open.toString(), "#b42318")).append(polyline(rate.toString(), "#1a7f37")).append(dots);
		svg.append(text(LEFT - 6, TOP + 10, "end", "#1a7f37", "100 %"));
		svg.append(text(LEFT - 6, TOP + plotH, "end", "#1a7f37", String.format(Locale.ROOT, "%.1f %%", rateLow)));
		svg.append(text(LEFT + plotW + 6, TOP + 10, "start", "#b42318", String.valueOf(maxOpen)));
		svg.append(text(LEFT + plotW + 6, TOP + plotH, "start", "#b42318", "0"));
		svg.append(text(LEFT, TOP + plotH + 16, "start", "#555", DAY.format(points.get(0).at())));
		svg.append(text(LEFT + plotW, TOP + plotH + 16, "end", "#555", DAY.format(points.get(points.size() - 1).at()) + " UTC"));
		svg.append(legend(LEFT, HEIGHT - 8, "#1a7f37", "field match rate (%)"));
		svg.append(legend(LEFT + 190, HEIGHT - 8, "#b42318", "open discrepancies"));
		return svg.append("</svg>").toString();
	}

	private static String rect(int x, int y, int w, int h) {
		return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h
				+ "\" fill=\"#fff\" stroke=\"#c0c8d0\"/>";
	}

	private static String polyline(String points, String color) {
		return points.isEmpty() ? "" : "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + color
				+ "\" stroke-width=\"2.5\"/>";
	}

	private static String circle(double x, double y, String color) {
		return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"3\" fill=\"" + color + "\"/>";
	}

	private static String text(double x, double y, String anchor, String color, String text) {
		return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + color
				+ "\" font-size=\"12\" font-family=\"sans-serif\">" + text + "</text>";
	}

	private static String legend(int x, int y, String color, String label) {
		return "<rect x=\"" + x + "\" y=\"" + (y - 9) + "\" width=\"14\" height=\"4\" fill=\"" + color + "\"/>"
				+ text(x + 20, y - 4, "start", "#333", label);
	}

	private static String num(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
