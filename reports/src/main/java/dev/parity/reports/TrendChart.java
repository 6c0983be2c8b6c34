package dev.parity.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.Date;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A table's trend over the period, drawn with JFreeChart: field match rate (left axis, percent) and
 * open discrepancies (right axis), one point per check.
 */
final class TrendChart {

	static final int WIDTH = 1030;

	static final int HEIGHT = 320;

	private TrendChart() {
	}

	static BufferedImage render(String table, List<SignOffReport.TrendPoint> points) {
		TimeSeries rate = new TimeSeries("field match rate (%)");
		TimeSeries open = new TimeSeries("open discrepancies");
		for (SignOffReport.TrendPoint point : points) {
			FixedMillisecond at = new FixedMillisecond(Date.from(point.at()));
			if (point.matchRatePercent() != null) {
				rate.addOrUpdate(at, point.matchRatePercent());
			}
			open.addOrUpdate(at, point.openDiscrepancies());
		}
		JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, "match rate (%)",
				new TimeSeriesCollection(rate), true, false, false);
		Font font = new Font("DejaVu Sans", Font.PLAIN, 18);
		XYPlot plot = chart.getXYPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xC0C8D0));
		plot.setDomainGridlinePaint(new Color(0xE0E4E8));
		NumberAxis rateAxis = (NumberAxis) plot.getRangeAxis();
		rateAxis.setAutoRangeIncludesZero(false);
		rateAxis.setAutoRangeMinimumSize(1.0);
		rateAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.0##"));
		rateAxis.setLabelFont(font);
		rateAxis.setTickLabelFont(font);
		NumberAxis openAxis = new NumberAxis("open discrepancies");
		openAxis.setLabelFont(font);
		openAxis.setTickLabelFont(font);
		openAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		plot.setRangeAxis(1, openAxis);
		plot.setDataset(1, new TimeSeriesCollection(open));
		plot.mapDatasetToRangeAxis(1, 1);
		plot.setRenderer(0, line(new Color(0x1A7F37)));
		plot.setRenderer(1, line(new Color(0xB42318)));
		DateAxis time = (DateAxis) plot.getDomainAxis();
		time.setTickLabelFont(font);
		chart.getLegend().setItemFont(font);
		chart.setBackgroundPaint(Color.WHITE);
		return chart.createBufferedImage(WIDTH, HEIGHT);
	}

	private static XYLineAndShapeRenderer line(Color color) {
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		renderer.setSeriesPaint(0, color);
		renderer.setSeriesStroke(0, new BasicStroke(3f));
		return renderer;
	}

}
