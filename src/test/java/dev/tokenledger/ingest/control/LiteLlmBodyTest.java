package dev.tokenledger.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.ingest.entity.Delivery;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.testing.LiteLlmCases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiteLlmBodyTest {

    @Test
    void aJsonArrayIsOnePayloadPerElement() {
        Delivery delivery = split(LiteLlmCases.text(LiteLlmCases.ARRAY));

        assertThat(delivery.single()).isFalse();
        assertThat(delivery.payloads())
                .extracting(DeliveredPayload::position)
                .containsExactly(0, 1);
        assertThat(delivery.payloads()).extracting(DeliveredPayload::line).containsOnlyNulls();
        assertThat(delivery.payloads().get(1).json().get("litellm_call_id").asText())
                .isEqualTo("0b6c2f0e-3f4b-4a8e-9d51-2a1f6e7c9a02");
    }

    @Test
    void newlineDelimitedJsonIsOnePayloadPerLineWithItsLineNumber() {
        Delivery delivery = split(LiteLlmCases.text(LiteLlmCases.NDJSON));

        assertThat(delivery.single()).isFalse();
        assertThat(delivery.payloads()).extracting(DeliveredPayload::line).containsExactly(1, 2, 3);
        assertThat(delivery.payloads().get(1).json().get("model").asText())
                .isEqualTo("my-finetune-v3");
    }

    @Test
    void oneObjectIsASinglePayloadEvenPrettyPrinted() {
        Delivery delivery = split("{\n  \"model\": \"gpt-4o\",\n  \"id\": \"a\"\n}\n");

        assertThat(delivery.single()).isTrue();
        assertThat(delivery.payloads()).hasSize(1);
        assertThat(delivery.payloads().get(0).line()).isNull();
    }

    @Test
    void blankLinesCarriageReturnsAndAByteOrderMarkAreIgnored() {
        Delivery delivery = split("\uFEFF{\"id\":\"a\"}\r\n\r\n{\"id\":\"b\"}\r\n");

        assertThat(delivery.payloads())
                .extracting(p -> p.json().get("id").asText())
                .containsExactly("a", "b");
        assertThat(delivery.payloads()).extracting(DeliveredPayload::line).containsExactly(1, 3);
    }

    @Test
    void aLineThatIsNotJsonCostsOnlyItself() {
        Delivery delivery = split("{\"id\":\"a\"}\n{\"id\": \"b\", oops}\n{\"id\":\"c\"}\n");

        assertThat(delivery.payloads()).hasSize(3);
        DeliveredPayload broken = delivery.payloads().get(1);
        assertThat(broken.json()).isNull();
        assertThat(broken.line()).isEqualTo(2);
        assertThat(broken.text()).isEqualTo("{\"id\": \"b\", oops}");
        assertThat(broken.parseError()).startsWith("line 2 is not JSON: ").contains("column");
        assertThat(delivery.payloads().get(2).json().get("id").asText()).isEqualTo("c");
    }

    @Test
    void theReasonForABrokenLineDoesNotRepeatWhatTheLineHeld() {
        Delivery delivery =
                split("{\"id\":\"a\"}\n{\"api_key\": sk0123456789abcdef0123456789abcdef}\n");

        String error = delivery.payloads().get(1).parseError();

        assertThat(error).startsWith("line 2 is not JSON: Unrecognized token: was expecting");
        assertThat(error).doesNotContain("sk0123456789abcdef");
    }

    @Test
    void pythonsNanAndInfinityAreReadSoOnlyTheirPayloadIsRefused() {
        Delivery delivery = split("[{\"response_cost\": NaN}, {\"response_cost\": -Infinity}]");

        assertThat(delivery.payloads().get(0).json().get("response_cost").isDouble()).isTrue();
        assertThat(delivery.payloads().get(1).json().get("response_cost").doubleValue())
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void decimalsStayExact() {
        Delivery delivery = split("[{\"startTime\": 1733305200.125, \"response_cost\": 0.000183}]");

        assertThat(delivery.payloads().get(0).json().get("startTime").decimalValue())
                .isEqualByComparingTo("1733305200.125");
        assertThat(delivery.payloads().get(0).json().get("response_cost").decimalValue().toString())
                .isEqualTo("0.000183");
    }

    @Test
    void aBodyWithNoJsonAtAllIsMalformed() {
        assertProblem("hello gateway", 400, "not valid JSON");
        assertProblem("   \n  ", 400, "empty");
        assertProblem("", 400, "empty");
    }

    @Test
    void aBrokenArrayCannotBeSplitAndIsRefusedWhole() {
        assertProblem("[{\"id\":\"a\"}, {\"id\":", 400, "not valid JSON");
        assertProblem("[{\"id\":\"a\"}] trailing", 400, "not valid JSON");
        assertProblem("[{\"id\":\"a\"}]\n[{\"id\":\"b\"}]", 400, "after its array");
    }

    @Test
    void anEmptyArrayHasNothingToStore() {
        assertProblem("[]", 422, "at least one");
    }

    @Test
    void aDeliveryOverTheMaximumIsRefusedBeforeAnythingIsStored() {
        String many = "[" + "{},".repeat(LiteLlmBody.MAX_PAYLOADS) + "{}]";

        assertProblem(many, 413, "at most " + LiteLlmBody.MAX_PAYLOADS);
    }

    @Test
    void readsTheStreamItIsGiven() {
        Delivery delivery =
                LiteLlmBody.read(
                        new ByteArrayInputStream(
                                LiteLlmCases.text(LiteLlmCases.FAILURE)
                                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(delivery.payloads()).hasSize(1);
    }

    private static Delivery split(String body) {
        return LiteLlmBody.split(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(String body, int status, String detail) {
        assertThatThrownBy(() -> split(body))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.status()).isEqualTo(status);
                            assertThat(problem.getMessage()).contains(detail);
                        });
    }
}
