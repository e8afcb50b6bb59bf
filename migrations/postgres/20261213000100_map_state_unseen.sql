-- The expiry sweep's mark (`map_state.swept_until`) moves every minute and is read by writes
-- only: its writes no longer announce a change (`changes::UNSEEN`), which made every page kept
-- for visitors be rendered again each minute.
DROP TRIGGER IF EXISTS entraide_changed ON map_state;
