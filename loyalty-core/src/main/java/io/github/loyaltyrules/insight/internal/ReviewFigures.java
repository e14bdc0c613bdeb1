package io.github.loyaltyrules.insight.internal;

import io.github.loyaltyrules.insight.MonthlyReview;
import io.github.loyaltyrules.insight.MonthlyReview.Figure;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary figures of a {@link MonthlyReview} by their JSON names, in the review's order, so
 * that the CSV and the HTML page name each figure as the JSON does. Not API. Stateless.
 */
final class ReviewFigures {
  private ReviewFigures() {}

  static Map<String, Figure> of(MonthlyReview r) {
    Map<String, Figure> f = new LinkedHashMap<>();
    f.put("memberBase", r.memberBase());
    f.put("newMembers", r.newMembers());
    f.put("buyingMembers", r.buyingMembers());
    f.put("purchases", r.purchases());
    f.put("purchaseFrequency", r.purchaseFrequency());
    f.put("units", r.units());
    f.put("itemsPerPurchase", r.itemsPerPurchase());
    f.put("spend", r.spend());
    f.put("averageTicket", r.averageTicket());
    f.put("averageDaysBetweenPurchases", r.averageDaysBetweenPurchases());
    f.put("topShare", r.topShare());
    f.put("deadCards", r.deadCards());
    f.put("deadCardRate", r.deadCardRate());
    f.put("earlierSalesReturns", r.earlierSalesReturns());
    f.put("earlierSalesReturnedUnits", r.earlierSalesReturnedUnits());
    f.put("earlierSalesRefunds", r.earlierSalesRefunds());
    return f;
  }
}
