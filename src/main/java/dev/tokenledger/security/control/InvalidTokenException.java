package dev.tokenledger.security.control;

/** A presented token that must not be trusted; the message is safe to show the caller. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
