package dev.tokenledger.requestlog.control;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Row ids: UUID version 7 (RFC 9562). The leading 48-bit millisecond time keeps index inserts
 * local; the 74 random bits from a secure generator make ids impossible to guess or enumerate.
 * Generated here, not by the database, so that writers who may not read rows back (anonymous
 * callers, gateways) still learn the id of what they stored.
 */
public final class RequestLogIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestLogIds() {}

    public static UUID next() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
