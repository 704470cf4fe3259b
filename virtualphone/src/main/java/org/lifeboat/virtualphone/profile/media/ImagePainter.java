package org.lifeboat.virtualphone.profile.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.random.RandomGenerator;

/**
 * Paints varied, recognisable pictures without fonts (a headless CI machine may have none): landscapes, city
 * skylines, bubbles and phone screenshots. Everything is drawn from the given random generator, so a seed fixes the
 * pixels.
 */
public final class ImagePainter {
    private ImagePainter() {}

    /** A camera-like scene of the given size. */
    public static BufferedImage photo(int width, int height, RandomGenerator random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            switch (random.nextInt(3)) {
                case 0 -> landscape(g, width, height, random);
                case 1 -> skyline(g, width, height, random);
                default -> bubbles(g, width, height, random);
            }
            grain(image, random);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A phone screenshot: status bar, app bar and list rows. */
    public static BufferedImage screenshot(int width, int height, RandomGenerator random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Color accent = Color.getHSBColor(random.nextFloat(), 0.6f, 0.8f);
            g.setColor(random.nextBoolean() ? new Color(250, 250, 250) : new Color(30, 30, 34));
            g.fillRect(0, 0, width, height);
            g.setColor(accent.darker());
            g.fillRect(0, 0, width, height / 30);
            g.setColor(accent);
            g.fillRect(0, height / 30, width, height / 12);
            int rowHeight = height / 12;
            for (int y = height / 30 + height / 12 + 8; y + rowHeight < height; y += rowHeight + 6) {
                g.setColor(Color.getHSBColor(random.nextFloat(), 0.4f, 0.9f));
                g.fillOval(10, y + 4, rowHeight - 8, rowHeight - 8);
                g.setColor(new Color(120, 120, 130));
                g.fillRect(rowHeight + 10, y + rowHeight / 4, 40 + random.nextInt(width / 2), rowHeight / 6);
                g.fillRect(rowHeight + 10, y + rowHeight / 2, 20 + random.nextInt(width / 3), rowHeight / 8);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void landscape(Graphics2D g, int width, int height, RandomGenerator random) {
        float hue = 0.5f + random.nextFloat() * 0.15f;
        g.setPaint(new GradientPaint(
                0, 0, Color.getHSBColor(hue, 0.6f, 0.9f), 0, height / 2f, Color.getHSBColor(hue, 0.2f, 1f)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 230, 120));
        int sun = height / 6 + random.nextInt(height / 8);
        g.fillOval(random.nextInt(width - sun), random.nextInt(height / 3), sun, sun);
        for (int layer = 0; layer < 3; layer++) {
            g.setColor(Color.getHSBColor(0.25f + random.nextFloat() * 0.15f, 0.5f, 0.6f - layer * 0.15f));
            g.fillPolygon(ridge(width, height, height / 3 + layer * height / 6, random));
        }
    }

    private static Polygon ridge(int width, int height, int base, RandomGenerator random) {
        Polygon polygon = new Polygon();
        polygon.addPoint(0, height);
        for (int x = 0; x <= width; x += width / 8) {
            polygon.addPoint(x, base + random.nextInt(height / 6));
        }
        polygon.addPoint(width, height);
        return polygon;
    }

    private static void skyline(Graphics2D g, int width, int height, RandomGenerator random) {
        g.setPaint(new GradientPaint(0, 0, new Color(20, 24, 60), 0, height, new Color(240, 120, 80)));
        g.fillRect(0, 0, width, height);
        for (int x = 0; x < width; ) {
            int w = width / 14 + random.nextInt(width / 10);
            int h = height / 4 + random.nextInt(height / 2);
            g.setColor(Color.getHSBColor(0.6f, 0.2f, 0.15f + random.nextFloat() * 0.2f));
            g.fillRect(x, height - h, w, h);
            g.setColor(new Color(255, 220, 140));
            for (int wy = height - h + 6; wy < height - 6; wy += 10) {
                for (int wx = x + 4; wx < x + w - 6; wx += 9) {
                    if (random.nextInt(3) == 0) {
                        g.fillRect(wx, wy, 4, 5);
                    }
                }
            }
            x += w + 2;
        }
    }

    private static void bubbles(Graphics2D g, int width, int height, RandomGenerator random) {
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.3f, 0.95f));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12 + random.nextInt(20); i++) {
            g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f + random.nextFloat() / 2, 0.7f));
            int size = 10 + random.nextInt(height / 2);
            g.fillOval(random.nextInt(width) - size / 2, random.nextInt(height) - size / 2, size, size);
        }
    }

    /** Sensor-like noise, so JPEG sizes resemble photos rather than flat graphics. */
    private static void grain(BufferedImage image, RandomGenerator random) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            int delta = random.nextInt(9) - 4;
            int r = clamp(((rgb >> 16) & 0xFF) + delta);
            int g = clamp(((rgb >> 8) & 0xFF) + delta);
            int b = clamp((rgb & 0xFF) + delta);
            pixels[i] = (r << 16) | (g << 8) | b;
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
