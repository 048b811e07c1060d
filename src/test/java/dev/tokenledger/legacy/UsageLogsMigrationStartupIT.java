package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server that starts with a legacy table present says so once, and leaves it alone: nothing
 * migrates until an operator asks. The application is deployed by the test, after the table exists.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsageLogsMigrationStartupIT {

    @Deployment(name = "ledger", managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource Deployer deployer;

    @Test
    void aLegacyTablePresentAtStartUpIsNoticedAndLeftAlone() throws Exception {
        String schema = LegacyTables.withSharedFile();
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        long logBefore = Files.exists(log) ? Files.size(log) : 0;

        deployer.deploy("ledger");
        try {
            Api service =
                    Api.at(
                                    URI.create(
                                                    "http://127.0.0.1:"
                                                            + (8080
                                                                    + Integer.getInteger(
                                                                            "test.port-offset", 0))
                                                            + "/")
                                            .toURL())
                            .as(Tokens.forTests().service());
            JsonNode status = service.get("/api/v1/legacy/migration?schema=" + schema).json();

            assertThat(status.get("legacy_table").asText()).isEqualTo("table");
            assertThat(status.has("phase")).as("never run").isFalse();
            assertThat(UsageLogsMigrationCommandIT.migrated(schema)).isZero();
            byte[] written = Files.readAllBytes(log);
            String started =
                    new String(
                            written,
                            (int) logBefore,
                            written.length - (int) logBefore,
                            StandardCharsets.UTF_8);
            assertThat(started)
                    .containsPattern(
                            "legacy usage_logs table found in schema [^\\n]*"
                                    + schema
                                    + "[^\\n]*not migrated automatically");
        } finally {
            deployer.undeploy("ledger");
        }
    }
}
