package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.entity.IngestItem;
import dev.tokenledger.ingest.entity.IngestReport;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A delivery none of whose payloads could be stored: a 422 naming every offending field, raised
 * after the dead letters were committed, so the problem says where they are.
 */
final class RejectedDelivery extends ProblemException {

    private RejectedDelivery(String detail, List<Violation> violations) {
        super(
                422,
                "/problems/validation-failed",
                "Request validation failed",
                detail,
                violations,
                Map.of());
    }

    /**
     * @param single whether the body was one object, so pointers need no index in front
     */
    static RejectedDelivery of(IngestReport report, boolean single) {
        List<Violation> violations = new ArrayList<>();
        for (IngestItem item : report.items()) {
            String prefix = single ? "" : "/" + item.index();
            for (Violation violation : item.errors()) {
                String pointer = violation.pointer();
                violations.add(Violation.atPointer(prefix + pointer, violation.detail()));
            }
        }
        return new RejectedDelivery(
                "No payload could be stored; each is kept as a dead letter"
                        + " of delivery "
                        + report.deliveryId()
                        + ". First: "
                        + violations.get(0).location()
                        + ": "
                        + violations.get(0).detail(),
                violations);
    }
}
