//! How long personal data is kept (#21 §3): the durations of the retention sweep, with the
//! defaults written in the README and on the « Données personnelles » page.

/// Days, each counted from the moment named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetentionRules {
    /// A post's exact place, private note and phones, after the post ended (fulfilled, closed,
    /// refused, or expired).
    pub details_days: i64,
    /// Conversations, after their post ended.
    pub conversations_days: i64,
    /// An account without a log-in for this long is warned by e-mail…
    pub inactive_days: i64,
    /// …and erased this long after the warning, unless the person logged in.
    pub warning_days: i64,
    /// E-mails, after they were sent.
    pub sent_emails_days: i64,
}

impl Default for RetentionRules {
    fn default() -> Self {
        RetentionRules {
            details_days: 90,
            conversations_days: 365,
            inactive_days: 3 * 365,
            warning_days: 30,
            sent_emails_days: 30,
        }
    }
}

/// The most rows one step of the sweep handles in one transaction (the sweep runs every
/// minute: a backlog goes down batch by batch without holding the database).
pub const BATCH: i64 = 200;
/// The most batches of one kind in one sweep.
pub const BATCHES_PER_SWEEP: usize = 10;

const DAY: i64 = 86_400;

impl RetentionRules {
    /// Posts that ended before this have their details erased.
    pub fn details_cutoff(&self, now: i64) -> i64 {
        now - self.details_days * DAY
    }
    pub fn conversations_cutoff(&self, now: i64) -> i64 {
        now - self.conversations_days * DAY
    }
    /// Accounts last seen before this are warned.
    pub fn inactive_cutoff(&self, now: i64) -> i64 {
        now - self.inactive_days * DAY
    }
    /// Accounts warned before this (and not seen since) are erased.
    pub fn warning_cutoff(&self, now: i64) -> i64 {
        now - self.warning_days * DAY
    }
    pub fn sent_emails_cutoff(&self, now: i64) -> i64 {
        now - self.sent_emails_days * DAY
    }

    /// The durations make sense together: each at least a day, and conversations kept at least
    /// as long as the details (a conversation shows them).
    pub fn check(&self) -> Result<(), String> {
        for (name, days) in [
            ("ENTRAIDE_RETAIN_DETAILS_DAYS", self.details_days),
            ("ENTRAIDE_RETAIN_CONVERSATIONS_DAYS", self.conversations_days),
            ("ENTRAIDE_INACTIVE_ACCOUNT_DAYS", self.inactive_days),
            ("ENTRAIDE_INACTIVE_WARNING_DAYS", self.warning_days),
            ("ENTRAIDE_RETAIN_SENT_EMAILS_DAYS", self.sent_emails_days),
        ] {
            if days < 1 {
                return Err(format!("{name} must be at least 1 (days), not {days}"));
            }
        }
        if self.conversations_days < self.details_days {
            return Err(format!(
                "ENTRAIDE_RETAIN_CONVERSATIONS_DAYS ({}) must not be shorter than ENTRAIDE_RETAIN_DETAILS_DAYS ({})",
                self.conversations_days, self.details_days
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_published_ones() {
        let r = RetentionRules::default();
        assert_eq!(
            (r.details_days, r.conversations_days, r.inactive_days, r.warning_days, r.sent_emails_days),
            (90, 365, 1095, 30, 30)
        );
        assert!(r.check().is_ok());
        assert_eq!(r.details_cutoff(100 * DAY), 10 * DAY);
    }

    #[test]
    fn nonsense_durations_are_named() {
        let e = RetentionRules { warning_days: 0, ..Default::default() }.check().unwrap_err();
        assert!(e.contains("ENTRAIDE_INACTIVE_WARNING_DAYS"), "{e}");
        let e = RetentionRules { conversations_days: 30, ..Default::default() }.check().unwrap_err();
        assert!(e.contains("ENTRAIDE_RETAIN_CONVERSATIONS_DAYS"), "{e}");
    }
}
