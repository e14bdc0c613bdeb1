package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A store's day (DOMAIN.md §4): each associate's contacts in time-window order, and on the last
 * day of a month the list of next month's birthdays. Built in one pass over the members, keeping
 * only the day's contacts, so a store of any size never has to be in memory at once.
 *
 * <p>The contacts are the members' open follow-ups due on the date, as the engine left them in
 * their states (it applies the contact caps when it schedules); two due the same day for one
 * member are one contact. Members belong to the store of their profile's {@code homeStore}.
 * Follow-ups without an associate are listed under {@link #UNASSIGNED}. The same members give the
 * same agenda every time: contacts are ordered by window start, then priority (highest first),
 * then member id.
 *
 * <p>Thread-safety: immutable, safe to share; {@link #build} is a pure function.
 *
 * @param storeId the store
 * @param date the day
 * @param byAssociate each associate's contacts, associates in id order
 * @param birthdaysNextMonth on the last day of a month, next month's birthdays by day then member;
 *     empty on other days
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record DailyAgenda(String storeId, LocalDate date, Map<String, List<Contact>> byAssociate,
    List<BirthdayEntry> birthdaysNextMonth) {

  /** The key of contacts whose follow-ups have no associate. */
  public static final String UNASSIGNED = "(unassigned)";

  private static final Comparator<Contact> ORDER = Comparator.comparing(Contact::from)
      .thenComparing(Comparator.comparingInt(Contact::priority).reversed())
      .thenComparing(Contact::memberId);
  private static final Comparator<FollowUp> BY_PRIORITY = Comparator
      .comparingInt(FollowUp::priority).reversed().thenComparing(FollowUp::id);

  public DailyAgenda {
    Check.notBlank("agenda.storeId", storeId);
    Check.notNull("agenda.date", date);
    byAssociate = java.util.Collections.unmodifiableSortedMap(
        new TreeMap<>(Check.map("agenda.byAssociate", byAssociate)));
    birthdaysNextMonth = Check.list("agenda.birthdaysNextMonth", birthdaysNextMonth);
  }

  /** The agenda of {@code storeId} on {@code date} from a stream of member states. */
  public static DailyAgenda build(String storeId, LocalDate date, Stream<MemberState> members) {
    Check.notNull("members", members);
    return build(storeId, date, members.iterator());
  }

  /** The agenda of {@code storeId} on {@code date} from an iterator over member states. */
  public static DailyAgenda build(String storeId, LocalDate date, Iterator<MemberState> members) {
    Check.notBlank("agenda.storeId", storeId);
    Check.notNull("agenda.date", date);
    Check.notNull("members", members);
    boolean monthEnd = date.equals(YearMonth.from(date).atEndOfMonth());
    java.time.Month next = date.getMonth().plus(1);
    Map<String, List<Contact>> byAssociate = new TreeMap<>();
    List<BirthdayEntry> birthdays = new ArrayList<>();
    while (members.hasNext()) {
      MemberState m = members.next();
      if (!storeId.equals(m.profile().homeStore())) {
        continue;
      }
      List<FollowUp> due = null;
      for (FollowUp f : m.followUps()) {
        if (f.status() == FollowUpStatus.OPEN && f.due().equals(date)) {
          due = due == null ? new ArrayList<>(2) : due;
          due.add(f);
        }
      }
      if (due != null) {
        due.sort(BY_PRIORITY);
        FollowUp first = due.get(0);
        String associate = first.associateId() == null ? UNASSIGNED : first.associateId();
        byAssociate.computeIfAbsent(associate, k -> new ArrayList<>()).add(new Contact(
            m.memberId(), first.channel(), first.from(), first.to(), first.priority(), due));
      }
      if (monthEnd && m.profile().birthDate() != null
          && m.profile().birthDate().getMonth() == next) {
        birthdays.add(new BirthdayEntry(m.memberId(), m.profile().name(),
            MonthDay.from(m.profile().birthDate())));
      }
    }
    byAssociate.replaceAll((k, v) -> {
      v.sort(ORDER);
      return List.copyOf(v);
    });
    birthdays.sort(Comparator.comparing(BirthdayEntry::birthday)
        .thenComparing(BirthdayEntry::memberId));
    return new DailyAgenda(storeId, date, byAssociate, birthdays);
  }

  /** Every contact of the day, associates in id order. */
  public int size() {
    int n = 0;
    for (List<Contact> c : byAssociate.values()) {
      n += c.size();
    }
    return n;
  }
}
