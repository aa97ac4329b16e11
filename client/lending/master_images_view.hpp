#pragma once

namespace madoguchi::client {

class App;

// マスター管理: the master images per class and publishing the next version.
void draw_master_images(App& app);

}  // namespace madoguchi::client
