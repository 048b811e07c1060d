package dev.tokenledger.security.boundary;

import dev.tokenledger.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the HTTP request being served, set once by {@link BearerTokenFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.anonymous();

    public Caller get() {
        return caller;
    }

    void set(Caller verified) {
        caller = verified;
    }
}
