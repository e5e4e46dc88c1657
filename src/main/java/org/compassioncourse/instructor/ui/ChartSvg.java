package org.compassioncourse.instructor.ui;

import org.jspecify.annotations.Nullable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Rectangle;

/**
 * Bar charts drawn on the server with JFreeChart into SVG (JFreeSVG), made accessible: role="img" with a title and a
 * description. Pages also show the same numbers as text, so nobody depends on the picture.
 */
final class ChartSvg {

    private static final Color BAR = new Color(0x5b, 0x4a, 0x8b);

    private ChartSvg() {
    }

    /** A bar chart; {@code fullScale} fixes the value axis (e.g. 100 for percentages) instead of fitting the data. */
    static String bars(String id, String title, String description, String categoryAxis, String valueAxis,
                       DefaultCategoryDataset data, boolean horizontal, @Nullable Double fullScale) {
        JFreeChart chart = ChartFactory.createBarChart(null, categoryAxis, valueAxis, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        // counts start at zero with whole-number ticks, also when everything is still zero
        org.jfree.chart.axis.NumberAxis values = (org.jfree.chart.axis.NumberAxis) chart.getCategoryPlot().getRangeAxis();
        double max = 0;
        for (int c = 0; c < data.getColumnCount(); c++) {
            Number value = data.getValue(0, c);
            max = Math.max(max, value == null ? 0 : value.doubleValue());
        }
        if (fullScale != null) {
            // a fitted axis would make 38% of 100 look nearly full
            values.setRange(0, fullScale);
        } else {
            values.setRange(0, Math.max(1, max * 1.1));
            values.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        }
        org.jfree.chart.axis.CategoryAxis categories = chart.getCategoryPlot().getDomainAxis();
        categories.setMaximumCategoryLabelLines(2);
        categories.setMaximumCategoryLabelWidthRatio(horizontal ? 0.45f : 1.2f);
        if (!horizontal && data.getColumnCount() > 4) {
            categories.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
        int width = 640;
        int height = horizontal ? 60 + 36 * Math.max(1, data.getColumnCount()) : 320;
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        String markup = svg.getSVGElement(id);
        String accessible = "<title id=\"" + id + "-title\">" + escape(title) + "</title><desc id=\"" + id + "-desc\">"
                + escape(description) + "</desc>";
        int endOfOpenTag = markup.indexOf('>') + 1;
        return markup.substring(0, endOfOpenTag - 1) + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\""
                + " viewBox=\"0 0 " + width + " " + height + "\">" + accessible + markup.substring(endOfOpenTag);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
