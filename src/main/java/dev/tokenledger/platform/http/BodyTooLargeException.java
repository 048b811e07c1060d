package dev.tokenledger.platform.http;

import dev.tokenledger.platform.problem.ProblemException;
import java.io.IOException;

/** Raised by {@link LimitedInputStream} the moment a body passes its limit. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public ProblemException toProblem() {
        return BodyLimitFilter.tooLarge(limit);
    }
}
