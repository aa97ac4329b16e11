#pragma once
// The 設定 tab of the テレメトリ area: the closed loops' rules as a form and the models'
// printing speeds as a table, editable by the IT office and admins, read-only for the desk and
// auditors.

namespace madoguchi::client {

class App;

void draw_telemetry_settings(App& app);

}  // namespace madoguchi::client
