package dev.tokenledger.requestlog.boundary;

import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch write: counts and one outcome per submitted row, in order. */
@Schema(name = "WriteResult")
public record WriteResult(int created, int duplicates, List<WriteOutcome> items) {

    static WriteResult of(List<WriteOutcome> outcomes) {
        int created = (int) outcomes.stream().filter(o -> o.result() == Result.CREATED).count();
        return new WriteResult(created, outcomes.size() - created, outcomes);
    }
}
