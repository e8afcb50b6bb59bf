//! Nobody left waiting: when a request counts as unanswered (per category), when help that was
//! accepted is checked with its author, when an unanswered check reaches staff, and when an
//! author is told their post expires soon. The durations are settings (`serve` flags) with the
//! département's defaults here.

use serde::{Deserialize, Serialize};

use super::Category;

const DAY: i64 = 86_400;

/// What the author answered to "Avez-vous reçu l'aide ?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelpAnswer {
    Yes,
    No,
}

impl HelpAnswer {
    pub const ALL: [HelpAnswer; 2] = [HelpAnswer::Yes, HelpAnswer::No];

    pub fn slug(self) -> &'static str {
        match self {
            HelpAnswer::Yes => "yes",
            HelpAnswer::No => "no",
        }
    }
}
slug_parse_display!(HelpAnswer);

/// The follow-up settings, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpRules {
    /// A request for groceries or food aid with no answer after this many days is unanswered.
    pub unanswered_urgent_days: i64,
    /// Any other request with no answer after this many days is unanswered.
    pub unanswered_days: i64,
    /// Help accepted this many days ago and not confirmed: the author is asked if it came.
    pub help_check_days: i64,
    /// A check with no answer after this many more days goes to staff.
    pub escalate_days: i64,
    /// The author is told this many days before their post expires.
    pub expiry_notice_days: i64,
}

impl Default for FollowUpRules {
    fn default() -> Self {
        FollowUpRules {
            unanswered_urgent_days: 2,
            unanswered_days: 5,
            help_check_days: 3,
            escalate_days: 2,
            expiry_notice_days: 3,
        }
    }
}

impl FollowUpRules {
    /// After how long without an answer a request of `category` is unanswered, in seconds.
    pub fn unanswered_after(&self, category: Category) -> i64 {
        let days = match category {
            Category::Groceries | Category::FoodAid => self.unanswered_urgent_days,
            _ => self.unanswered_days,
        };
        days * DAY
    }

    /// A request of `category` created at `created_at` with no answer is unanswered at `now`.
    pub fn is_unanswered(&self, category: Category, created_at: i64, now: i64) -> bool {
        now - created_at >= self.unanswered_after(category)
    }

    /// Help accepted at `accepted_at` and not confirmed is checked with the author at `now`.
    pub fn check_help(&self, accepted_at: i64, now: i64) -> bool {
        now - accepted_at >= self.help_check_days * DAY
    }

    /// A check raised at `asked_at` and not answered goes to staff at `now`.
    pub fn escalate(&self, asked_at: i64, now: i64) -> bool {
        now - asked_at >= self.escalate_days * DAY
    }

    /// A post expiring at `expires_at` is announced to its author at `now` (not once expired).
    pub fn announce_expiry(&self, expires_at: i64, now: i64) -> bool {
        expires_at > now && expires_at - now <= self.expiry_notice_days * DAY
    }

    /// Every setting is at least one day, and a check waits less than a post lives.
    pub fn check(&self) -> Result<(), String> {
        let all = [
            self.unanswered_urgent_days,
            self.unanswered_days,
            self.help_check_days,
            self.escalate_days,
            self.expiry_notice_days,
        ];
        if all.iter().all(|d| (1..=60).contains(d)) {
            Ok(())
        } else {
            Err("follow-up durations must be between 1 and 60 days".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn groceries_and_food_aid_wait_two_days_the_others_five() {
        let r = FollowUpRules::default();
        assert!(!r.is_unanswered(Category::Groceries, NOW - 2 * DAY + 1, NOW));
        assert!(r.is_unanswered(Category::Groceries, NOW - 2 * DAY, NOW));
        assert!(r.is_unanswered(Category::FoodAid, NOW - 2 * DAY, NOW));
        assert!(!r.is_unanswered(Category::Homework, NOW - 4 * DAY, NOW));
        assert!(r.is_unanswered(Category::Homework, NOW - 5 * DAY, NOW));
        let faster = FollowUpRules { unanswered_days: 1, ..r };
        assert!(faster.is_unanswered(Category::Homework, NOW - DAY, NOW));
    }

    #[test]
    fn checks_expiry_notices_and_escalation_follow_the_settings() {
        let r = FollowUpRules::default();
        assert!(!r.check_help(NOW - 3 * DAY + 1, NOW) && r.check_help(NOW - 3 * DAY, NOW));
        assert!(!r.escalate(NOW - DAY, NOW) && r.escalate(NOW - 2 * DAY, NOW));
        assert!(r.announce_expiry(NOW + 3 * DAY, NOW) && !r.announce_expiry(NOW + 3 * DAY + 1, NOW));
        assert!(!r.announce_expiry(NOW, NOW), "an expired post is not announced");
        assert!(r.check().is_ok());
        assert!(FollowUpRules { escalate_days: 0, ..r }.check().is_err());
    }
}
