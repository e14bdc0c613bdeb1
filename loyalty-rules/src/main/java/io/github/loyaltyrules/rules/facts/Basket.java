package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Money;
import org.apiguardian.api.API;

/**
 * The sale as a whole once priced: inserted after prices are settled.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param transactionId the sale's id
 * @param lines lines in the sale
 * @param items units in the sale
 * @param listTotal the lines at list prices
 * @param saleTotal the lines at sale prices
 * @param paidTotal what the customer pays for the goods after every discount and voucher
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Basket(String transactionId, int lines, int items, Money listTotal,
    Money saleTotal, Money paidTotal) {}
