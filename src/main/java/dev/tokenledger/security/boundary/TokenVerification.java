package dev.tokenledger.security.boundary;

import dev.tokenledger.platform.schema.SchemaState;
import dev.tokenledger.security.control.TokenSettings;
import dev.tokenledger.security.control.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Builds the token verifier from configuration when the application starts. A missing or unsafe key
 * setup is logged in one line and the server refuses to serve (503, health DOWN with the reason)
 * rather than failing the first request.
 */
@ApplicationScoped
public class TokenVerification {

    private static final Logger LOG = Logger.getLogger(TokenVerification.class);

    private volatile TokenVerifier verifier;

    @Inject SchemaState state;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        verifier();
    }

    /** Dependent scope: the verifier itself is built once and kept here. */
    @Produces
    TokenVerifier verifier() {
        if (verifier == null) {
            Config config = ConfigProvider.getConfig();
            TokenSettings settings;
            try {
                settings = TokenSettings.from(name -> config.getOptionalValue(name, String.class));
                verifier = new TokenVerifier(settings);
            } catch (IllegalStateException unsafe) {
                // One line for the operator, a 503 and a DOWN health for everyone else: the
                // server does not serve with an unsafe key setup, without a wall of stack traces.
                LOG.errorf("refusing to serve: %s", unsafe.getMessage());
                state.refuse("The server refuses to serve: " + unsafe.getMessage());
                verifier = TokenVerifier.refusingEveryToken();
                return verifier;
            }
            if (settings.usesDevelopmentSecret()) {
                LOG.warn(
                        "development mode: tokens are checked against the built-in development"
                            + " secret; set TOKENLEDGER_JWT_SECRET before exposing this server");
            }
        }
        return verifier;
    }
}
