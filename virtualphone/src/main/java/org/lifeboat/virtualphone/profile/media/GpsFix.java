package org.lifeboat.virtualphone.profile.media;

/** Where a photo was taken: WGS-84 degrees (negative = south / west) and metres above sea level. */
public record GpsFix(double latitude, double longitude, double altitudeMetres) {
    public GpsFix {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("GPS fix out of range: latitude " + latitude
                    + " (expected -90..90), longitude " + longitude + " (expected -180..180)");
        }
    }
}
