//! Moodle GIFT import and export (to be written).
