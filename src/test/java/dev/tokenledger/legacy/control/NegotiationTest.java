package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    @Test
    void theSingularMediaTypeAsksForOneObject() {
        assertThat(ResponseShape.negotiate("application/vnd.pgrst.object+json"))
                .isEqualTo(ResponseShape.OBJECT);
        assertThat(ResponseShape.negotiate(null)).isEqualTo(ResponseShape.ARRAY);
        assertThat(ResponseShape.negotiate("text/html, */*;q=0.8")).isEqualTo(ResponseShape.ARRAY);
    }

    @Test
    void anUnavailableMediaTypeIs406() {
        assertThatThrownBy(() -> ResponseShape.negotiate("text/csv"))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.status()).isEqualTo(406);
                            assertThat(error.code()).isEqualTo("PGRST107");
                        });
    }

    @Test
    void preferencesAreReadAcrossHeadersAndCommas() {
        Preferences prefer =
                Preferences.of(List.of("return=representation, count=exact", "missing=default"));

        assertThat(prefer.representation()).isTrue();
        assertThat(prefer.count()).isTrue();
        assertThat(prefer.appliedHeader()).isEqualTo("return=representation, count=exact");
        assertThat(Preferences.of(null).appliedHeader()).isNull();
        assertThat(Preferences.of(List.of("return=minimal")).representation()).isFalse();
    }

    @Test
    void maxAffectedIsAWholeNumberAndAnUpsertIsRecognisedSoItCanBeRefused() {
        Preferences prefer =
                Preferences.of(
                        List.of("handling=strict, max-affected=5", "resolution=merge-duplicates"));

        assertThat(prefer.maxAffected()).hasValue(5);
        assertThat(prefer.resolution()).isEqualTo("merge-duplicates");
        assertThat(prefer.appliedHeader()).isEqualTo("max-affected=5");
        assertThat(Preferences.of(List.of("count=exact")).maxAffected()).isEmpty();
        assertThatThrownBy(() -> Preferences.of(List.of("max-affected=-1")))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.getMessage()).contains("max-affected=-1"));
    }
}
