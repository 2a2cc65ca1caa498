#pragma once

class QTableView;

// The desktop table's columns as a new administrator first sees them: the name and the id, then
// what decides a decommissioning (status, user, login, idle days, hours used, maintenance, pool),
// each wide enough for its title in the user's language and for its usual values; the type and
// the zone hidden. The administrator's own layout, when saved, replaces this.
void applyDefaultDesktopColumns(QTableView *view);
