package dev.tokenledger.platform.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a body through until it has delivered more than a limit of bytes, then fails. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long delivered;

    LimitedInputStream(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long bytes) throws BodyTooLargeException {
        delivered += bytes;
        if (delivered > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
