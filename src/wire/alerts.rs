//! "Mes alertes" as its owner reads it, and the unsubscribe page.

use serde::{Deserialize, Serialize};

use crate::domain::alert::AlertSettings;
use crate::domain::{Category, PostKind};

/// One alert.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertView {
    pub id: i64,
    /// The commune chosen, or the commune of the position.
    pub place: String,
    /// Centred on the person's position (rounded to the privacy grid), not on a commune.
    pub around_position: bool,
    pub radius_km: u32,
    /// Empty: every category.
    pub categories: Vec<Category>,
    pub kind: Option<PostKind>,
}

/// My alerts and how I am told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyAlerts {
    pub alerts: Vec<AlertView>,
    pub settings: AlertSettings,
    /// They paused themselves after months without a visit.
    pub paused: bool,
    /// The most alerts one person keeps.
    pub max: usize,
    /// The server's Web Push public key (base64url), browsers subscribe with it; `None` when
    /// the server sends no pushes.
    pub push_key: Option<String>,
    /// How many of my browsers receive pushes.
    pub push_devices: u32,
}

/// What the unsubscribe link's page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsubscribe {
    /// Alerts still come by e-mail (the button is shown).
    pub email_on: bool,
}
