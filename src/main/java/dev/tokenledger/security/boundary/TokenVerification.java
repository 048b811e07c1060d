package dev.tokenledger.security.boundary;

import dev.tokenledger.security.control.TokenSettings;
import dev.tokenledger.security.control.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Builds the token verifier from configuration when the application starts, so that a missing or
 * unsafe key setup stops the deployment with one clear message rather than failing the first
 * request.
 */
@ApplicationScoped
public class TokenVerification {

    private static final Logger LOG = Logger.getLogger(TokenVerification.class);

    private volatile TokenVerifier verifier;

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
                LOG.errorf("refusing to start: %s", unsafe.getMessage());
                throw unsafe;
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
