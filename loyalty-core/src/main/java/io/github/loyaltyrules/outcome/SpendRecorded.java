package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import java.time.YearMonth;
import org.apiguardian.api.API;

/**
 * Qualifying spend changed: a sale adds to the month of its business date, a return takes back from the month of the original sale. {@code windowSpend} is the spend of that month's window after the change.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SpendRecorded(String rule, String reason, YearMonth month, Money change,
    QualificationWindow window, Money windowSpend) implements Effect {}
