/**
 * The shared kernel: value objects used everywhere (identity numbers, credit codes, region codes, phones), the
 * data scope and the settings every module builds on. Open to every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.yuxun.shared;

import org.springframework.modulith.ApplicationModule;
