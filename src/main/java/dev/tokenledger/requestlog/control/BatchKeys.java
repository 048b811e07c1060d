package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch may repeat a request_id (a gateway resending inside one batch): the first occurrence
 * is written, later ones with the same content are its duplicates, and one with different
 * content is refused. This folds a batch to distinct keys and unfolds the outcomes again.
 */
public final class BatchKeys {

    private final List<RequestLogRow> distinct;
    private final int[] source;

    private BatchKeys(List<RequestLogRow> distinct, int[] source) {
        this.distinct = distinct;
        this.source = source;
    }

    public static BatchKeys of(List<RequestLogRow> rows, boolean single) {
        List<RequestLogRow> distinct = new ArrayList<>();
        Map<String, Integer> firstByKey = new HashMap<>();
        int[] source = new int[rows.size()];
        List<Violation> clashes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RequestLogRow row = rows.get(i);
            String key = row.content().requestId();
            Integer first = key == null ? null : firstByKey.get(key);
            if (first == null) {
                if (key != null) {
                    firstByKey.put(key, distinct.size());
                }
                source[i] = distinct.size();
                distinct.add(row);
            } else if (Arrays.equals(distinct.get(first).contentHash(), row.contentHash())) {
                source[i] = -1 - first;
            } else {
                clashes.add(Violation.atPointer((single ? "" : "/" + i) + "/request_id",
                        "repeats an earlier request_id of this batch with different content."));
            }
        }
        if (!clashes.isEmpty()) {
            throw ProblemException.invalid(clashes);
        }
        return new BatchKeys(distinct, source);
    }

    public List<RequestLogRow> distinctRows() {
        return distinct;
    }

    /** One outcome per original row, given one per distinct row. */
    public List<WriteOutcome> expand(List<WriteOutcome> written) {
        List<WriteOutcome> outcomes = new ArrayList<>(source.length);
        for (int index : source) {
            if (index >= 0) {
                outcomes.add(written.get(index));
            } else {
                WriteOutcome first = written.get(-1 - index);
                Result result = first.result() == Result.CONFLICT ? Result.CONFLICT
                        : Result.DUPLICATE;
                outcomes.add(new WriteOutcome(first.id(), first.requestId(), result));
            }
        }
        return outcomes;
    }
}
