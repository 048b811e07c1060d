package dev.tokenledger.usage.boundary;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import dev.tokenledger.usage.control.SummaryQuery;
import dev.tokenledger.usage.entity.Grouping;
import dev.tokenledger.usage.entity.SummaryRequest;
import dev.tokenledger.usage.entity.UsageFigures;
import dev.tokenledger.usage.entity.UsageSummary;
import dev.tokenledger.usage.entity.UsageTotals;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Usage summaries, run as the caller: users summarise their own rows, the service role anyone's or
 * everyone's.
 */
@Stateless
@CallerTransaction
public class UsageService {

    @Inject SummaryQuery query;

    public UsageSummary summarise(Caller caller, SummaryRequest request) {
        caller.requireReader();
        SummaryRequest scoped = request;
        if (caller.is(CallerRole.AUTHENTICATED)) {
            if (request.grouping() == Grouping.END_USER) {
                throw ProblemException.forbidden(
                        "Only the service role may group usage by end_user.");
            }
            if (request.endUser().filter(user -> !user.equals(caller.userId())).isPresent()) {
                throw ProblemException.forbidden("Users can only summarise their own usage.");
            }
            scoped = request.forUser(caller.userId());
        }

        List<UsageFigures> figures = query.run(scoped);

        List<UsageFigures> groups = figures.subList(1, figures.size());
        boolean more = groups.size() > scoped.limit().orElse(Integer.MAX_VALUE);
        return new UsageSummary(
                scoped.from().orElse(null),
                scoped.to().orElse(null),
                scoped.zone().getId(),
                scoped.grouping().wireName(),
                scoped.endUser().orElse(null),
                UsageTotals.of(figures.get(0)),
                scoped.grouping() == Grouping.NONE
                        ? null
                        : more ? groups.subList(0, groups.size() - 1) : groups,
                scoped.grouping() == Grouping.NONE ? null : more);
    }
}
