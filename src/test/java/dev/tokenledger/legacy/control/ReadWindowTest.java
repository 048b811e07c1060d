package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReadWindowTest {

    @Test
    void limitAndOffsetSelectTheWindow() {
        assertThat(ReadWindow.of("2", "1", null, 1000)).isEqualTo(new ReadWindow(1, 2));
    }

    @Test
    void aHugeLimitIsClampedToTheMaximumPage() {
        assertThat(ReadWindow.of("2147483647", null, null, 1000))
                .isEqualTo(new ReadWindow(0, 1000));
        assertThat(ReadWindow.of(null, null, null, 1000).limit()).isEqualTo(1000);
    }

    @Test
    void theRangeHeaderIntersectsWithTheParameters() {
        assertThat(ReadWindow.of(null, null, "0-1", 1000)).isEqualTo(new ReadWindow(0, 2));
        assertThat(ReadWindow.of(null, null, "items=5-", 1000)).isEqualTo(new ReadWindow(5, 1000));
        assertThat(ReadWindow.of("10", "3", "0-4", 1000)).isEqualTo(new ReadWindow(3, 2));
        assertThat(ReadWindow.of("0", null, null, 1000)).isEqualTo(new ReadWindow(0, 0));
    }

    @Test
    void anInvertedOrUnreadableRangeIs416() {
        for (String range : new String[] {"5-2", "abc", "-3"}) {
            assertThatThrownBy(() -> ReadWindow.of(null, null, range, 1000))
                    .as(range)
                    .isInstanceOfSatisfying(
                            PostgrestError.class,
                            error -> {
                                assertThat(error.status()).isEqualTo(416);
                                assertThat(error.code()).isEqualTo("PGRST103");
                            });
        }
    }

    @Test
    void badLimitsAreParseErrors() {
        assertThatThrownBy(() -> ReadWindow.of("-1", null, null, 10))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.code()).isEqualTo("PGRST100"));
        assertThatThrownBy(() -> ReadWindow.of(null, "x", null, 10))
                .isInstanceOf(PostgrestError.class);
    }

    @Test
    void answersFollowPostgrest() {
        ReadWindow first = new ReadWindow(0, 2);
        assertThat(first.answer(2, OptionalLong.empty()))
                .isEqualTo(new ReadWindow.Answer(200, "0-1/*"));
        assertThat(first.answer(2, OptionalLong.of(5)))
                .isEqualTo(new ReadWindow.Answer(206, "0-1/5"));
        assertThat(first.answer(2, OptionalLong.of(2)))
                .isEqualTo(new ReadWindow.Answer(200, "0-1/2"));
        assertThat(first.answer(0, OptionalLong.of(0)))
                .isEqualTo(new ReadWindow.Answer(200, "*/0"));
        assertThat(new ReadWindow(3, 2).answer(0, OptionalLong.of(3)))
                .isEqualTo(new ReadWindow.Answer(206, "*/3"));
    }

    @Test
    void anOffsetPastTheCountedTotalIs416WithTheTotal() {
        assertThatThrownBy(() -> new ReadWindow(7, 2).answer(0, OptionalLong.of(5)))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.status()).isEqualTo(416);
                            assertThat(error.headers()).containsEntry("Content-Range", "*/5");
                            assertThat(error.details()).contains("only 5 rows");
                        });
    }
}
