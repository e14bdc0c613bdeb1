package io.github.loyaltyrules.examples;

import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Transaction;
import java.time.LocalDate;
import java.util.List;

/**
 * A scripted POS session: the programme to run, the customers, and the steps in time order.
 * Immutable.
 *
 * @param programme {@code seeds-default} or {@code seeds-paid-card}
 * @param customers the customers' profiles
 * @param steps what happens, in order
 */
record SessionScript(String programme, List<CustomerProfile> customers, List<Step> steps) {

  /**
   * One step: a member's transaction, a manual floor set by staff, or the periodic review of
   * every member on a date.
   *
   * @param member the member id, for a transaction or a floor
   * @param transaction the transaction, if this step is one
   * @param manualFloor the tier staff set as the member's floor
   * @param assess the date of a periodic review of all members
   * @param note a comment printed with the step
   */
  record Step(String member, Transaction transaction, String manualFloor, LocalDate assess,
      String note) {}
}
