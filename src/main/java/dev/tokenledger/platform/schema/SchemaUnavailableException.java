package dev.tokenledger.platform.schema;

/** The database cannot serve yet; the message says what an operator should set or run. */
class SchemaUnavailableException extends RuntimeException {

    SchemaUnavailableException(String message) {
        super(message, null, false, false);
    }
}
