option(WORKSPACE_ADMIN_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

include(${CMAKE_CURRENT_LIST_DIR}/WorkspaceAdminBuildSpeed.cmake)

# One place for the warnings and Qt strictness that every target of the project gets.
function(workspace_admin_apply_settings target)
    _workspace_admin_compile_settings(${target})
    workspace_admin_register_for_pch(${target})
endfunction()

function(_workspace_admin_compile_settings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(WORKSPACE_ADMIN_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(WORKSPACE_ADMIN_SANITIZE)
        target_compile_options(${target} PRIVATE
            -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_NO_KEYWORDS
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        WORKSPACE_ADMIN_VERSION="${PROJECT_VERSION}")
endfunction()
