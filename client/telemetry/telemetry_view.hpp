#pragma once

namespace madoguchi::client {

class App;

// The テレメトリ area: a tab per view, each shown to the roles its API answers.
void draw_telemetry_page(App& app);

}  // namespace madoguchi::client
