#pragma once

namespace madoguchi::client {

class App;

// キッティング作業: the desk's kitting tasks and a task's checklist.
void draw_kitting_tasks(App& app);

}  // namespace madoguchi::client
