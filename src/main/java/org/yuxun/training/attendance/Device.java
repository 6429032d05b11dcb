package org.yuxun.training.attendance;

/**
 * Where a check-in came from, as the subsidy fraud checks read it: many learners from one device or address is
 * the pattern of someone checking in for others.
 *
 * @param fingerprint hash of the long-lived device cookie and the browser's user agent
 * @param ip the client address as the server saw it
 * @param userAgent the browser's user agent
 */
public record Device(String fingerprint, String ip, String userAgent) {

    public Device {
        userAgent = userAgent != null && userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
    }
}
