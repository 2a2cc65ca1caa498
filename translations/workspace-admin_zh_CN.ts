<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Workspace Admin</source>
        <translation>关于 Workspace 管理器</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Workspace Admin %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Workspace 管理器 %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Review and delete Huawei Cloud Workspace desktops in batches.</source>
        <translation>查看并批量删除华为云 Workspace 桌面。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence.</source>
        <translation>基于 MIT 许可证发布。</translation>
    </message>
    <message>
        <source>Data directory (audit log and deletion journal):</source>
        <translation>数据目录（审计日志和删除任务日志）：</translation>
    </message>
    <message>
        <source>User guide (README)</source>
        <translation>用户指南 (README)</translation>
    </message>
</context>
<context>
    <name>ActionCommand</name>
    <message>
        <source>Dry run: nothing is sent. %1 would be sent for %2.</source>
        <comment>%1: requests, %2: desktops</comment>
        <translation>试运行：不发送任何请求。将为 %2发送 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln 个请求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking up %Ln desktop(s)…</source>
        <translation>
            <numerusform>正在查询 %Ln 个桌面…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the desktops failed; nothing was sent.</source>
        <translation>查询桌面失败；未发送任何请求。</translation>
    </message>
    <message>
        <source>Leaving out %1.</source>
        <translation>排除 %1。</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>没有要发送的请求。</translation>
    </message>
    <message>
        <source>Interrupted; nothing was sent.</source>
        <translation>已中断；未发送任何请求。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out.</source>
        <translation>
            <numerusform>已排除 %Ln 个桌面。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3 desktops answered.</source>
        <translation>%1：已有 %2 / %3 个桌面得到答复。</translation>
    </message>
    <message>
        <source>Not sent (%1): %2</source>
        <translation>未发送（%1）：%2</translation>
    </message>
    <message>
        <source>Interrupted: sending no more requests; the request already sent is allowed to finish.</source>
        <translation>已中断：不再发送请求；已发出的请求允许完成。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Batch %1: %2…</source>
        <translation>第 %1 批：%2…</translation>
    </message>
</context>
<context>
    <name>AllRegionsChangeCommand</name>
    <message numerus="yes">
        <source>Finding %Ln desktop(s) in the account&apos;s Workspace projects…</source>
        <translation>
            <numerusform>正在帐号的 Workspace 项目中查找 %Ln 个桌面…</numerusform>
        </translation>
    </message>
    <message>
        <source>IAM could not list the account&apos;s projects; nothing was sent.</source>
        <translation>IAM 无法列出帐号的项目；未发送任何请求。</translation>
    </message>
    <message>
        <source>The access key sees no Workspace project; nothing was sent.</source>
        <translation>此访问密钥看不到任何 Workspace 项目；未发送任何请求。</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1（项目 %2）</translation>
    </message>
    <message>
        <source>Not every project could be looked up, so nothing was sent.</source>
        <translation>未能查询全部项目，因此未发送任何请求。</translation>
    </message>
    <message>
        <source>The pools of the desktops could not all be found, so no pool was changed and nothing was deleted.</source>
        <translation>无法找到这些桌面所属的全部桌面池，因此未更改任何桌面池，也未删除任何内容。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何请求。</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>没有要删除的桌面。</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>没有要发送的请求。</translation>
    </message>
    <message>
        <source>Leaving out %1: %2.</source>
        <translation>排除 %1：%2。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Leaving out %1.</source>
        <translation>排除 %1。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 for %Ln desktop(s)…</source>
        <translation>
            <numerusform>%1：%2（%Ln 个桌面）…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not sent (%2): %3</source>
        <translation>%1：未发送（%2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>%1: turning autoscale off first for %Ln pool(s)…</source>
        <translation>
            <numerusform>%1：先为 %Ln 个桌面池关闭自动伸缩…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: deleting %Ln desktop(s)…</source>
        <translation>
            <numerusform>%1：正在删除 %Ln 个桌面…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: request accepted: job %2.</source>
        <translation>%1：请求已接受：任务 %2。</translation>
    </message>
    <message>
        <source>%1: request failed: %2</source>
        <translation>%1：请求失败：%2</translation>
    </message>
    <message>
        <source>%1: job %2 can no longer be followed; its desktops&apos; outcome is unknown (re-list them): %3</source>
        <translation>%1：无法再跟踪任务 %2；其桌面的结果未知（请重新列出）：%3</translation>
    </message>
    <message>
        <source>%1: batch %2: %3…</source>
        <translation>%1：第 %2 批：%3…</translation>
    </message>
    <message>
        <source>%1: nothing sent: %2</source>
        <translation>%1：未发送任何请求：%2</translation>
    </message>
    <message>
        <source>Interrupted: sending no more requests to any project; the request already sent is allowed to finish. Jobs already submitted go on on the server and stay in the journal.</source>
        <translation>已中断：不再向任何项目发送请求；已发出的请求允许完成。已提交的任务会在服务器上继续进行，并保留在任务日志中。</translation>
    </message>
    <message>
        <source>Interrupted; nothing was sent.</source>
        <translation>已中断；未发送任何请求。</translation>
    </message>
    <message numerus="yes">
        <source>Following %Ln unfinished job(s) of the account&apos;s projects from the journal first…</source>
        <translation>
            <numerusform>先跟踪任务日志中账号各项目未完成的 %Ln 个任务…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: journal job %2: %3.</source>
        <translation>%1：任务日志中的任务 %2：%3。</translation>
    </message>
</context>
<context>
    <name>AllRegionsListCommand</name>
    <message numerus="yes">
        <source>%1 (project %2): %Ln desktop(s).</source>
        <translation>
            <numerusform>%1（项目 %2）：%Ln 个桌面。</numerusform>
        </translation>
    </message>
    <message>
        <source>Listing the desktops of every Workspace project of the account…</source>
        <translation>正在列出该帐号每个 Workspace 项目的桌面…</translation>
    </message>
    <message>
        <source>IAM could not list the account&apos;s projects.</source>
        <translation>IAM 无法列出该帐号的项目。</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1（项目 %2）</translation>
    </message>
    <message>
        <source>%1: the listing failed: %2</source>
        <translation>%1：列出失败：%2</translation>
    </message>
    <message>
        <source>Warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln Workspace project(s).</source>
        <translation>
            <numerusform>位于 %Ln 个 Workspace 项目中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln project(s) could not be listed; the others are shown.</source>
        <translation>
            <numerusform>%Ln 个项目无法列出；已显示其余项目。</numerusform>
        </translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>PROJECT ID</source>
        <translation>PROJECT ID</translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message>
        <source>No API connection is configured.</source>
        <translation>未配置 API 连接。</translation>
    </message>
    <message>
        <source>The API connection was closed.</source>
        <translation>API 连接已关闭。</translation>
    </message>
    <message>
        <source>The network access manager is gone.</source>
        <translation>网络访问管理器已不存在。</translation>
    </message>
    <message>
        <source>the answer is larger than %1</source>
        <translation>应答大于 %1</translation>
    </message>
    <message>
        <source>no data for %1 seconds</source>
        <translation>%1 秒内没有收到数据</translation>
    </message>
    <message>
        <source>the connection ended without an HTTP answer</source>
        <translation>连接已结束，但没有收到 HTTP 应答</translation>
    </message>
    <message>
        <source>A job id is required.</source>
        <translation>需要提供任务 ID。</translation>
    </message>
    <message>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>连接在收到 %1/%2 字节后关闭</translation>
    </message>
    <message>
        <source>the answer did not arrive in full within %1 seconds</source>
        <translation>应答未在 %1 秒内完整到达</translation>
    </message>
    <message>
        <source>The job id %1 cannot be used: a job id has 1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;.</source>
        <translation>任务 ID %1 无法使用：任务 ID 必须由 1 到 255 个字母、数字、“-”、“_”、“.”或“:”组成。</translation>
    </message>
    <message>
        <source>the service listed a desktop with an unusable desktop_id %1</source>
        <translation>服务列出的某个桌面的 desktop_id %1 不可用</translation>
    </message>
    <message>
        <source>A page must have an offset of 0 or more and a limit from %1 to %2.</source>
        <translation>分页的偏移量必须大于或等于 0，每页数量必须在 %1 到 %2 之间。</translation>
    </message>
    <message>
        <source>Usage statistics need a period with a start and an end.</source>
        <translation>使用统计需要一个包含开始时间和结束时间的时间段。</translation>
    </message>
    <message>
        <source>The usage period must end after it starts.</source>
        <translation>统计时间段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>The idle days must be 0 or more, the least not above the most.</source>
        <translation>空闲天数必须大于或等于 0，且最小值不能大于最大值。</translation>
    </message>
    <message>
        <source>The hours of use must be 0 or more, the least not above the most.</source>
        <translation>使用时长（小时）必须大于或等于 0，且最小值不能大于最大值。</translation>
    </message>
    <message>
        <source>Usage statistics sort by desktop_usage or desktop_idle_duration, ASC or DESC.</source>
        <translation>使用统计只能按 desktop_usage 或 desktop_idle_duration 排序，顺序为 ASC 或 DESC。</translation>
    </message>
    <message>
        <source>A request that changes something must carry a body.</source>
        <translation>会更改内容的请求必须带有请求体。</translation>
    </message>
    <message>
        <source>the connection was lost after the request was sent; it was not sent again</source>
        <translation>请求发出后连接断开；该请求未被再次发送</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>无法读取 CA 证书文件 %1：%2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate.</source>
        <translation>CA 证书文件 %1 中没有证书。</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server answered HTTP %1</source>
        <translation>服务器返回 HTTP %1</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>The server did not answer in time (%1)</source>
        <translation>服务器未及时应答（%1）</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>安全连接失败：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood (HTTP %1): %2</source>
        <translation>无法理解服务器的应答（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>Cancelled while waiting for the server&apos;s answer; the request may have been carried out.</source>
        <translation>在等待服务器应答时已取消；该请求可能已被执行。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>(check the access key, the secret key and this computer&apos;s clock; five failures in a row lock the key for five minutes)</source>
        <translation>（请检查访问密钥、秘密访问密钥和本机时钟；连续失败五次会将密钥锁定五分钟）</translation>
    </message>
    <message>
        <source>[request id %1]</source>
        <translation>[请求 ID %1]</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP 状态：%1</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>消息：%1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>Encoded authorization message: %1</source>
        <translation>编码的授权消息：%1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 with %2: %3</source>
        <translation>服务器返回 HTTP %1（错误码 %2）：%3</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 with %2</source>
        <translation>服务器返回 HTTP %1（错误码 %2）</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>服务器返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>[IAM trace id %1]</source>
        <translation>[IAM 跟踪 ID %1]</translation>
    </message>
    <message>
        <source>IAM trace id: %1</source>
        <translation>IAM 跟踪 ID：%1</translation>
    </message>
</context>
<context>
    <name>AppStartup</name>
    <message>
        <source>Workspace Admin</source>
        <translation>Workspace 管理器</translation>
    </message>
    <message>
        <source>Finding the project of region %1 from the access key…</source>
        <translation>正在根据访问密钥查找区域 %1 的项目…</translation>
    </message>
    <message>
        <source>Region %1: project %2, found from the access key.</source>
        <translation>区域 %1：项目 %2，已根据访问密钥找到。</translation>
    </message>
    <message>
        <source>Every region of the account: its projects are found from the access key (%1: project %2).</source>
        <translation>账号的全部区域：各项目根据访问密钥找到（%1：项目 %2）。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the audit log %1: %2</source>
        <translation>无法打开审计日志 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the audit log %1: %2</source>
        <translation>无法写入审计日志 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the audit log %1: %2</source>
        <translation>无法读取审计日志 %1：%2</translation>
    </message>
</context>
<context>
    <name>BatchDeleteCall</name>
    <message>
        <source>One batch-delete request takes 1 to 100 desktops, not %1.</source>
        <translation>一个批量删除请求可包含 1 到 100 个桌面，而不是 %1 个。</translation>
    </message>
    <message>
        <source>the service answered with an unusable job id %1</source>
        <translation>服务应答中的任务 ID %1 不可用</translation>
    </message>
</context>
<context>
    <name>BatchDesktopTagsCall</name>
    <message>
        <source>One request takes 1 to %1 tags, not %2.</source>
        <translation>一个请求只能包含 1 到 %1 个标签，而不是 %2 个。</translation>
    </message>
    <message>
        <source>The tag key %1 is named twice in one request.</source>
        <translation>标签键 %1 在一个请求中出现了两次。</translation>
    </message>
</context>
<context>
    <name>ChangeActionDialog</name>
    <message>
        <source>Each request is recorded in the audit log, with its outcome.</source>
        <translation>每个请求及其结果都会记录到审计日志中。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Desktops this change is sent to</source>
        <translation>此更改发送到的桌面</translation>
    </message>
    <message>
        <source>The users see this message: “%1”</source>
        <translation>用户将看到此消息：“%1”</translation>
    </message>
    <message>
        <source> days</source>
        <comment>grace period</comment>
        <translation> 天</translation>
    </message>
    <message>
        <source>0 days: due at once</source>
        <translation>0 天：立即到期</translation>
    </message>
    <message>
        <source>Grace period in days</source>
        <translation>宽限期（天）</translation>
    </message>
    <message>
        <source>How long the desktops wait, switched off, before they may be deleted. 0 makes them due at once.</source>
        <translation>桌面在可被删除之前保持关机等待的时长。0 表示立即到期。</translation>
    </message>
    <message>
        <source>Optional: users who are connected are logged off with it</source>
        <translation>可选：注销已连接的用户时向其显示此消息</translation>
    </message>
    <message>
        <source>Message to the users</source>
        <translation>给用户的消息</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>宽限期(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>消息(&amp;M)：</translation>
    </message>
    <message>
        <source>Without a message nobody is logged off: maintenance mode bars new log-ins and the stop ends any session.</source>
        <translation>不填写消息时不会注销任何用户：维护模式阻止新的登录，关机会结束所有会话。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s) left.</source>
        <translation>
            <numerusform>还可输入 %Ln 个字符。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeKind</name>
    <message>
        <source>A desktop id must have 1 to 255 characters.</source>
        <translation>桌面 ID 必须为 1 到 255 个字符。</translation>
    </message>
    <message>
        <source>Delete desktops</source>
        <translation>删除桌面</translation>
    </message>
    <message>
        <source>Start maintenance</source>
        <translation>开启维护模式</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>关闭维护模式</translation>
    </message>
    <message>
        <source>Log users off</source>
        <translation>注销用户</translation>
    </message>
    <message>
        <source>Turn autoscale on</source>
        <translation>开启自动伸缩</translation>
    </message>
    <message>
        <source>Turn autoscale off</source>
        <translation>关闭自动伸缩</translation>
    </message>
    <message>
        <source>A pool id must be 1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;.</source>
        <translation>桌面池 ID 必须由 1 到 255 个字母、数字、“-”、“_”、“.”或“:”组成。</translation>
    </message>
    <message>
        <source>A tag request takes 1 to %1 tags, not %2.</source>
        <translation>一个标签请求只能包含 1 到 %1 个标签，而不是 %2 个。</translation>
    </message>
    <message>
        <source>The tag key %1 is named twice.</source>
        <translation>标签键 %1 出现了两次。</translation>
    </message>
    <message>
        <source>Tag desktops</source>
        <translation>为桌面添加标签</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>A desktop id to tag must have 1 to 128 characters.</source>
        <translation>要添加标签的桌面 ID 必须为 1 到 128 个字符。</translation>
    </message>
    <message>
        <source>Start desktops</source>
        <translation>启动桌面</translation>
    </message>
    <message>
        <source>Stop desktops</source>
        <translation>关闭桌面</translation>
    </message>
    <message>
        <source>Restart desktops</source>
        <translation>重启桌面</translation>
    </message>
    <message>
        <source>Hibernate desktops</source>
        <translation>休眠桌面</translation>
    </message>
</context>
<context>
    <name>ChangePreparation</name>
    <message>
        <source>The pools could not be listed: %1</source>
        <translation>无法列出桌面池：%1</translation>
    </message>
</context>
<context>
    <name>ChangeReviewText</name>
    <message numerus="yes">
        <source>Start Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>为 %Ln 个桌面开启维护模式</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>为 %Ln 个桌面关闭维护模式</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log Off the Users of %Ln Desktop(s)</source>
        <translation>
            <numerusform>注销 %Ln 个桌面的用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln desktop(s)? Deletion cannot be undone.</source>
        <translation>
            <numerusform>删除 %Ln 个桌面？删除无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Start Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>为 %Ln 个桌面开启维护模式(&amp;S)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;End Maintenance on %Ln Desktop(s)</source>
        <translation>
            <numerusform>为 %Ln 个桌面关闭维护模式(&amp;E)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Log Off %Ln Desktop(s)</source>
        <translation>
            <numerusform>注销 %Ln 个桌面(&amp;L)</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not the number of desktops this deletion sends: type %2.</source>
        <translation>“%1”不是此次删除发送的桌面数量：请输入 %2。</translation>
    </message>
    <message>
        <source>in an unfinished job</source>
        <translation>在一个未完成的任务中</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <comment>count × reason</comment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>desktop id (computer name)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Listed more than once, counted once: %1</source>
        <translation>列出了多次，只计一次：%1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>desktops · in use · sent in requests</comment>
        <translation>共 %1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): their users are disconnected: %1.</source>
        <translation>
            <numerusform>%Ln 个桌面正在使用（CONNECTED）：其用户将被断开：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): without “Force delete” their deletion may fail. Their users: %1.</source>
        <translation>
            <numerusform>%Ln 个桌面正在使用（CONNECTED）：不勾选“强制删除”时删除可能失败。其用户：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): maintenance mode disconnects their users: %1.</source>
        <translation>
            <numerusform>%Ln 个桌面正在使用（CONNECTED）：维护模式会断开其用户：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln connected user(s) are logged off: %1.</source>
        <translation>
            <numerusform>%Ln 个已连接的用户将被注销：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) have no user connected now: a user who logs in before the request is logged off too.</source>
        <translation>
            <numerusform>%Ln 个桌面当前没有用户连接：在请求之前登录的用户也会被注销。</numerusform>
        </translation>
    </message>
    <message>
        <source>No user is removed: none of these desktops has a user.</source>
        <translation>不会删除任何用户：这些桌面都没有用户。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s) attached, not deleted with the desktops: %1</source>
        <translation>
            <numerusform>%Ln 个已挂载的用户组，不会随桌面一起删除：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>pool name (id)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The pool %1 has autoscale on (or not known to be off): it may create new desktops after the deletion. Its autoscale is turned off first; if that fails, nothing is deleted.</source>
        <translation>桌面池 %1 开启了自动伸缩（或无法确认已关闭）：删除后它可能会创建新桌面。将先关闭其自动伸缩；如果失败，则不删除任何内容。</translation>
    </message>
    <message>
        <source>The pool %1 has autoscale on (or not known to be off): it may create new desktops after the deletion.</source>
        <translation>桌面池 %1 开启了自动伸缩（或无法确认已关闭）：删除后它可能会创建新桌面。</translation>
    </message>
    <message>
        <source>1 request:</source>
        <translation>1 个请求：</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests, sent one after another:</source>
        <translation>
            <numerusform>%Ln 个请求，依次发送：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retire %Ln Desktop(s)</source>
        <translation>
            <numerusform>退役 %Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln Desktop(s)</source>
        <translation>
            <numerusform>恢复 %Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retire %Ln desktop(s)? They are put in maintenance mode, tagged as retiring and stopped, and may be deleted from %1 (UTC).</source>
        <translation>
            <numerusform>退役 %Ln 个桌面？这些桌面将开启维护模式、加上退役标签并关机，自 %1（UTC）起可被删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln desktop(s)? They are taken out of maintenance mode and started, and their retirement tags are removed.</source>
        <translation>
            <numerusform>恢复 %Ln 个桌面？这些桌面将关闭维护模式并启动，其退役标签将被移除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retire %Ln Desktop(s)</source>
        <translation>
            <numerusform>退役 %Ln 个桌面(&amp;R)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>R&amp;estore %Ln Desktop(s)</source>
        <translation>
            <numerusform>恢复 %Ln 个桌面(&amp;E)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are started: billed by use, they cost money again while they run.</source>
        <translation>
            <numerusform>%Ln 个桌面将被启动：按需计费，运行期间会重新产生费用。</numerusform>
        </translation>
    </message>
    <message>
        <source>The grace period must be 0 to %1 days; nothing can be sent.</source>
        <translation>宽限期必须为 0 到 %1 天；无法发送任何请求。</translation>
    </message>
    <message>
        <source>Tagged as retired on %1 and due at once: they may be deleted today.</source>
        <translation>标记为 %1 退役并立即到期：今天即可被删除。</translation>
    </message>
    <message numerus="yes">
        <source>Tagged as retired on %1 and due after %Ln day(s): they may be deleted from %2.</source>
        <translation>
            <numerusform>标记为 %1 退役，%Ln 天后到期：自 %2 起可被删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): maintenance mode disconnects their users and the stop ends their sessions, without a message: %1.</source>
        <translation>
            <numerusform>%Ln 个桌面正在使用（CONNECTED）：维护模式会断开其用户，关机会结束其会话，且不发送任何消息：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are in use (CONNECTED): their users are logged off with the message: %1.</source>
        <translation>
            <numerusform>%Ln 个桌面正在使用（CONNECTED）：其用户将收到该消息并被注销：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The message cannot be sent: %1</source>
        <translation>无法发送该消息：%1</translation>
    </message>
    <message>
        <source>The users see this message: “%1”</source>
        <translation>用户将看到此消息：“%1”</translation>
    </message>
    <message>
        <source>Restore brings a desktop back until it is deleted; deletion cannot be undone.</source>
        <translation>桌面在被删除之前都可以恢复；删除无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Request %1 of %2, %3: %Ln desktop(s)</source>
        <comment>request index, count, step</comment>
        <translation>
            <numerusform>第 %1 个请求（共 %2 个），%3：%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) in %1</source>
        <comment>the first of the projects&apos; shares</comment>
        <translation>
            <numerusform>%1 中有 %Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in %1</source>
        <comment>a further project&apos;s share of the desktops</comment>
        <translation>
            <numerusform>%1 中有 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between the projects&apos; shares</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>ChangeRun</name>
    <message>
        <source>Re-list before deciding; the request is not sent again.</source>
        <translation>请先重新列出再做决定；该请求不会再次发送。</translation>
    </message>
    <message>
        <source>The app stopped waiting for the answer; the change may or may not have been made.</source>
        <translation>应用已停止等待答复；该更改可能已生效，也可能未生效。</translation>
    </message>
    <message>
        <source>Cancelled before sending.</source>
        <translation>发送前已取消。</translation>
    </message>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation>发送前已取消。</translation>
    </message>
    <message>
        <source>Not sent: the deadline passed first.</source>
        <translation>未发送：截止时间已先到达。</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %n target(s) of this change cannot be sent, so none is.</source>
        <translation>
            <numerusform>未发送：此更改中有 %n 个目标无法发送，因此一个也不发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>No audit log is configured.</source>
        <translation>未配置审计日志。</translation>
    </message>
    <message>
        <source>The connection was closed before it was sent.</source>
        <translation>发送前连接已关闭。</translation>
    </message>
    <message>
        <source>Not sent: the audit log could not be written (%1).</source>
        <translation>未发送：无法写入审计日志（%1）。</translation>
    </message>
    <message>
        <source>Not sent: an earlier request could not be sent (%1).</source>
        <translation>未发送：之前的一个请求无法发送（%1）。</translation>
    </message>
    <message>
        <source>No answer came before the deadline; the change may or may not have been made.</source>
        <translation>截止时间前没有收到答复；该更改可能已生效，也可能未生效。</translation>
    </message>
    <message>
        <source>Not sent: an earlier request may or may not have been carried out, so nothing more of this change is sent. Re-list before deciding.</source>
        <translation>未发送：之前的一个请求可能已执行，也可能未执行，因此此更改的其余部分不再发送。请先重新列出再做决定。</translation>
    </message>
    <message>
        <source>Not sent: an earlier request was refused (%1), so nothing more of this change is sent.</source>
        <translation>未发送：之前的一个请求被拒绝（%1），因此此更改的其余部分不再发送。</translation>
    </message>
    <message>
        <source>%1: %2 done, %3 failed, %4 outcome unknown, %5 not sent.</source>
        <translation>%1：%2 个已完成，%3 个失败，%4 个结果未知，%5 个未发送。</translation>
    </message>
    <message>
        <source>The service refused this desktop: %1</source>
        <translation>服务拒绝了此桌面：%1</translation>
    </message>
    <message>
        <source>The service refused this desktop with %1: %2</source>
        <translation>服务以 %1 拒绝了此桌面：%2</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <source>Demo mode: working against a simulated Workspace service at %1; nothing real is touched.</source>
        <translation>演示模式：正在使用位于 %1 的模拟 Workspace 服务，不会改动任何真实资源。</translation>
    </message>
    <message>
        <source>list: only desktops in this status (%1).</source>
        <translation>list：只列出处于该状态的桌面（%1）。</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>list: only desktops whose computer name matches &lt;text&gt;.</source>
        <translation>list：只列出计算机名与 &lt;text&gt; 匹配的桌面。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>job: poll until the job has finished.</source>
        <translation>job：轮询直到任务结束。</translation>
    </message>
    <message>
        <source>job --wait: seconds between polls (default 5); delete: first poll interval.</source>
        <translation>job --wait：两次轮询之间的秒数（默认 5）；delete：首次轮询间隔。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>ids</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>delete: also delete each desktop&apos;s user when they have no other desktop.</source>
        <translation>delete：若桌面的用户没有其他桌面，同时删除该用户。</translation>
    </message>
    <message>
        <source>delete: do not e-mail the users.</source>
        <translation>delete：不向用户发送邮件通知。</translation>
    </message>
    <message>
        <source>list takes no arguments, only options.</source>
        <translation>list 不接受参数，只接受选项。</translation>
    </message>
    <message>
        <source>Unknown status “%1”; use one of %2.</source>
        <translation>未知状态“%1”；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>Unknown format “%1”; use table, csv or json.</source>
        <translation>未知格式“%1”；请使用 table、csv 或 json。</translation>
    </message>
    <message>
        <source>job needs exactly one JOB_ID.</source>
        <translation>job 需要且只需要一个 JOB_ID。</translation>
    </message>
    <message>
        <source>--poll-interval and --timeout take a positive number of seconds.</source>
        <translation>--poll-interval 和 --timeout 需要一个正的秒数。</translation>
    </message>
    <message>
        <source>delete takes its desktop ids through --ids or --ids-file.</source>
        <translation>delete 通过 --ids 或 --ids-file 接收桌面 ID。</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to this command.</source>
        <translation>选项 --%1 不适用于此命令。</translation>
    </message>
    <message>
        <source>Cannot read the id file %1: %2</source>
        <translation>无法读取 ID 文件 %1：%2</translation>
    </message>
    <message>
        <source>Set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK instead.</source>
        <translation>请改为设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK。</translation>
    </message>
    <message>
        <source>Run with --help for usage.</source>
        <translation>使用 --help 查看用法。</translation>
    </message>
    <message>
        <source>Use journal to list the unfinished jobs, or journal forget JOB_ID --yes.</source>
        <translation>使用 journal 列出未结束的任务，或使用 journal forget JOB_ID --yes 忘记其中一个。</translation>
    </message>
    <message>
        <source>Deletion cannot be undone: add --yes to confirm (or --dry-run to see the requests first).</source>
        <translation>删除无法撤销：请加上 --yes 确认（或先用 --dry-run 查看将发送的请求）。</translation>
    </message>
    <message>
        <source>--timeout takes a positive number of seconds.</source>
        <translation>--timeout 需要一个正的秒数。</translation>
    </message>
    <message>
        <source>delete, maintenance, logoff: confirm that the desktops are to be changed; journal forget: confirm that the job is to be forgotten.</source>
        <translation>delete、maintenance、logoff：确认更改这些桌面；journal forget：确认忘记该任务。</translation>
    </message>
    <message>
        <source>list: only desktops idle for at least &lt;days&gt; in the usage statistics (desktops without statistics are left out and counted).</source>
        <translation>list：只列出在使用统计中空闲至少 &lt;days&gt; 天的桌面（没有统计数据的桌面不列出，但会报告其数量）。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>delete: also delete the desktops billed yearly/monthly (the console unsubscribes them instead; left out by default).</source>
        <translation>delete：同时删除包年/包月计费的桌面（控制台对这类桌面采用退订方式；默认排除）。</translation>
    </message>
    <message>
        <source>--period-days takes a whole number of days from 1 to %1.</source>
        <translation>--period-days 需要一个 1 到 %1 之间的整数天数。</translation>
    </message>
    <message>
        <source>%1 needs exactly one of --ids or --ids-file.</source>
        <translation>%1 需要且只能使用 --ids 和 --ids-file 中的一个。</translation>
    </message>
    <message>
        <source>Use maintenance on or maintenance off, with --ids or --ids-file.</source>
        <translation>请使用 maintenance on 或 maintenance off，并配合 --ids 或 --ids-file。</translation>
    </message>
    <message>
        <source>logoff takes its desktop ids through --ids or --ids-file.</source>
        <translation>logoff 通过 --ids 或 --ids-file 接收桌面 ID。</translation>
    </message>
    <message>
        <source>logoff needs --message: the users are told why they are logged off.</source>
        <translation>logoff 需要 --message：用于告知用户被注销的原因。</translation>
    </message>
    <message>
        <source>%1 changes the desktops: add --yes to confirm (or --dry-run to see the requests first).</source>
        <translation>%1 会更改这些桌面：请加上 --yes 确认（或先用 --dry-run 查看将发送的请求）。</translation>
    </message>
    <message>
        <source>delete, maintenance, logoff: comma-separated desktop ids.</source>
        <translation>delete、maintenance、logoff：以逗号分隔的桌面 ID。</translation>
    </message>
    <message>
        <source>delete, maintenance, logoff: file with desktop ids, one per line (&apos;-&apos; reads stdin).</source>
        <translation>delete、maintenance、logoff：包含桌面 ID 的文件，每行一个（“-”表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>delete, maintenance, logoff: look the desktops up and print the requests a real run would send; send none.</source>
        <translation>delete、maintenance、logoff：查询这些桌面，并打印实际运行时将发送的请求；不发送任何请求。</translation>
    </message>
    <message>
        <source>delete: first turn autoscale off for the pools of the desktops that may create new desktops after the deletion; if a pool cannot be stopped, nothing is deleted.</source>
        <translation>delete：对于删除后可能创建新桌面的桌面池，先关闭其自动伸缩；如果某个桌面池无法关闭自动伸缩，则不删除任何桌面。</translation>
    </message>
    <message>
        <source>Finding the project of region %1 from the access key…</source>
        <translation>正在根据访问密钥查找区域 %1 的项目…</translation>
    </message>
    <message>
        <source>Region %1: project %2.</source>
        <translation>区域 %1：项目 %2。</translation>
    </message>
    <message>
        <source>regions needs the region whose IAM lists the account&apos;s projects: use --region or a profile with a region.</source>
        <translation>regions 需要一个区域，通过该区域的 IAM 列出帐号的项目：请使用 --region 或带有区域的配置文件。</translation>
    </message>
    <message>
        <source>--all-regions needs the region whose IAM lists the account&apos;s projects: use --region or a profile with a region.</source>
        <translation>--all-regions 需要一个区域，通过该区域的 IAM 列出帐号的项目：请使用 --region 或带有区域的配置文件。</translation>
    </message>
    <message>
        <source>job --wait: stop following the job after &lt;seconds&gt; (default 3600); delete, maintenance, logoff: end the whole run after &lt;seconds&gt; (a request still unanswered then has an unknown outcome, the rest is not sent); list: give up listing after &lt;seconds&gt;.</source>
        <translation>job --wait：在 &lt;seconds&gt; 秒后停止跟踪任务（默认 3600）；delete、maintenance、logoff：在 &lt;seconds&gt; 秒后结束整个运行（届时仍未答复的请求结果未知，其余请求不再发送）；list：在 &lt;seconds&gt; 秒后放弃列出。</translation>
    </message>
    <message>
        <source>delete: delete desktops even when a user is connected (the user is disconnected).</source>
        <translation>delete：即使有用户已连接也删除桌面（该用户会被断开）。</translation>
    </message>
    <message>
        <source>list: only the desktops being retired (those carrying this app&apos;s retirement tags, due or not).</source>
        <translation>list：仅列出正在退役的桌面（带有本应用退役标签的桌面，无论是否到期）。</translation>
    </message>
    <message>
        <source>--all-regions does not load usage statistics; list one region for --idle-days or --period-days.</source>
        <translation>--all-regions 不加载使用统计；如需 --idle-days 或 --period-days，请只列出一个区域。</translation>
    </message>
    <message>
        <source>regions takes no arguments; --format is table, csv or json.</source>
        <translation>regions 不接受参数；--format 为 table、csv 或 json。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何请求。</translation>
    </message>
    <message>
        <source>list: load the usage of the last &lt;days&gt; days (1-180, default 30, or --idle-days when larger) and show the idle days and hours of use.</source>
        <translation>list：加载最近 &lt;days&gt; 天（1-180，默认 30，若 --idle-days 更大则取其值）的使用统计，并显示空闲天数和使用小时数。</translation>
    </message>
    <message>
        <source>--idle-days takes a whole number of days from 0 to %1: the service keeps %1 days of statistics.</source>
        <translation>--idle-days 接受 0 到 %1 的整数天数：服务保留 %1 天的统计。</translation>
    </message>
    <message>
        <source>--idle-days cannot be longer than --period-days: the statistics of a period tell no idle time beyond it.</source>
        <translation>--idle-days 不能长于 --period-days：一个周期的统计无法说明超出该周期的空闲时间。</translation>
    </message>
    <message>
        <source>--format applies to delete, maintenance and logoff only with --all-regions.</source>
        <translation>--format 仅在与 --all-regions 一起使用时适用于 delete、maintenance 和 logoff。</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>the commands: “list, job or delete”</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>No command given; use %1.</source>
        <translation>未给出命令；请使用 %1。</translation>
    </message>
    <message>
        <source>Unknown command “%1”; use %2.</source>
        <translation>未知命令“%1”；请使用 %2。</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <comment>the last of a list of commands: “list, job or delete”</comment>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a list of commands: “list, job”</comment>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Review and delete Huawei Cloud Workspace desktops from scripts.

Commands:</source>
        <translation>通过脚本查看和删除华为云 Workspace 桌面。

命令：</translation>
    </message>
    <message>
        <source>list, regions, and delete, maintenance and logoff with --all-regions: output as table (default), csv or json.</source>
        <translation>list、regions，以及与 --all-regions 一起使用的 delete、maintenance 和 logoff：以表格（默认）、csv 或 json 格式输出。</translation>
    </message>
    <message>
        <source>logoff, retire: the message the users see before they are logged off.</source>
        <translation>logoff、retire：用户被注销前看到的消息。</translation>
    </message>
    <message>
        <source>list: the desktops of every Workspace project of the account (found through the IAM of --region), with their region and project; delete, maintenance, logoff: the ids may belong to any of those projects, and each request goes to its own project.</source>
        <translation>list：列出帐号所有 Workspace 项目的桌面（通过 --region 的 IAM 找到），并附上区域和项目；delete、maintenance、logoff：ID 可以属于其中任一项目，每个请求发送到各自的项目。</translation>
    </message>
    <message>
        <source>retire takes its desktop ids through --ids or --ids-file.</source>
        <translation>retire 通过 --ids 或 --ids-file 接收桌面 ID。</translation>
    </message>
    <message>
        <source>--days takes a whole number of days from 0 (due at once) to %1.</source>
        <translation>--days 需要一个 0（立即到期）到 %1 之间的整数天数。</translation>
    </message>
    <message>
        <source>restore takes its desktop ids through --ids or --ids-file.</source>
        <translation>restore 通过 --ids 或 --ids-file 接收桌面 ID。</translation>
    </message>
    <message>
        <source>retire: the grace period in days before the desktops may be deleted (default %1; 0: due at once).</source>
        <translation>retire：桌面可被删除之前的宽限期天数（默认 %1；0：立即到期）。</translation>
    </message>
    <message>
        <source>regions lists the account&apos;s Workspace projects and their desktops, found from the
access key through the IAM of --region.

maintenance and logoff look the desktops up as delete does and leave out, each
with its reason, those not found, repeated or being deleted; the profile&apos;s
protected tags do not block them, since they delete nothing.

retire puts the desktops in maintenance mode, logs their users off with --message,
tags them with the day they may be deleted (today + --days, UTC) and stops them;
restore undoes it. Protected, yearly/monthly and already retiring desktops are
left out of a retirement, each with its reason.

Credentials come from HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (and
HUAWEICLOUD_SDK_SECURITY_TOKEN), or from a saved profile and the system keychain.

Exit codes: 0 done, 1 some desktops or sub-jobs failed, 2 usage or configuration
error, 3 API or network error, 4 the list is incomplete (the service&apos;s answers did
not add up, or went beyond what a listing may hold; what arrived is printed).
A dry run of delete --delete-users whose users&apos; look-up failed says the impact on
users is unknown and exits 3 (4 when the look-up was incomplete).
retire --delete-due exits 0 when nothing is due, and 4 when the log-in records or
the listing could not all be read (no desktop whose use is unknown is deleted).</source>
        <translation>regions 列出帐号的 Workspace 项目及其桌面，项目通过 --region 的 IAM
根据访问密钥找到。

maintenance 和 logoff 像 delete 一样查找桌面，并逐一说明原因地排除
未找到、重复或正在删除的桌面；配置文件的受保护标签不会阻止它们，
因为它们不删除任何内容。

retire 为桌面开启维护模式，用 --message 的消息注销其用户，
为桌面加上可被删除的日期标签（今天 + --days，UTC）并关机；
restore 撤销这些操作。受保护、包年/包月计费以及已在退役中的桌面
不会被退役，并逐一说明原因。

凭据来自 HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK（以及
HUAWEICLOUD_SDK_SECURITY_TOKEN），或来自已保存的配置文件和系统密钥环。

退出码：0 完成，1 部分桌面或子任务失败，2 用法或配置错误，
3 API 或网络错误，4 列表不完整（服务的答复前后不一致，或超出了
列表可容纳的上限；已收到的内容会打印出来）。
delete --delete-users 的试运行如果用户查询失败，会说明对用户的影响
未知并以 3 退出（查询不完整时为 4）。
retire --delete-due 在没有到期桌面时以 0 退出，在登录记录或桌面列表
未能全部读取时以 4 退出（使用情况未知的桌面不会被删除）。</translation>
    </message>
    <message>
        <source>retire: delete the retiring desktops that are due (past their date, still in maintenance and stopped, no log-in since their retirement); those kept are named with the reason. Made for cron or a systemd timer.</source>
        <translation>retire：删除已到期的退役中桌面（已过退役日期、仍处于维护模式且已关机、退役后无人登录）；保留的桌面会列出名称及原因。适用于 cron 或 systemd 定时器。</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to retire --delete-due: it finds the due desktops itself.</source>
        <translation>选项 --%1 不适用于 retire --delete-due：它会自行查找到期的桌面。</translation>
    </message>
    <message>
        <source>retire --delete-due takes no arguments, only options.</source>
        <translation>retire --delete-due 不接受参数，只接受选项。</translation>
    </message>
    <message>
        <source>Deletion cannot be undone: add --yes to delete the due desktops, or --dry-run to see the review and the requests first.</source>
        <translation>删除无法撤销：请加上 --yes 删除到期的桌面，或先用 --dry-run 查看检查结果和将发送的请求。</translation>
    </message>
    <message>
        <source>retire --delete-due works in one project: it takes neither --all-regions nor --format.</source>
        <translation>retire --delete-due 只在一个项目中运行：它不接受 --all-regions 和 --format。</translation>
    </message>
    <message>
        <source>The option --%1 applies to retire --delete-due only.</source>
        <translation>选项 --%1 仅适用于 retire --delete-due。</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>%1 Retrying (attempt %2) in %3 s…</source>
        <translation>%1 %3 秒后重试（第 %2 次）…</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何请求。</translation>
    </message>
</context>
<context>
    <name>ConnectionOptionsText</name>
    <message>
        <source>No secret key is stored for the profile “%1”. Enter it in the profile, or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.</source>
        <translation>连接配置“%1”未保存秘密访问密钥 (SK)。请在连接配置中输入，或设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK。</translation>
    </message>
    <message>
        <source>The profile “%1” has no access key id.</source>
        <translation>连接配置“%1”没有访问密钥 ID (AK)。</translation>
    </message>
    <message>
        <source>Work against a built-in simulated Workspace service; nothing real is touched.</source>
        <translation>使用内置的模拟 Workspace 服务，不会改动任何真实资源。</translation>
    </message>
    <message>
        <source>Use the saved connection profile &lt;name&gt;.</source>
        <translation>使用已保存的连接配置 &lt;name&gt;。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Workspace region, e.g. cn-north-4.</source>
        <translation>Workspace 区域，例如 cn-north-4。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Explicit API endpoint URL (https, or http on localhost); overrides the region.</source>
        <translation>明确指定的 API 终端节点 URL（https，或本机上的 http）；优先于区域。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in &lt;file&gt; (PEM or DER).</source>
        <translation>同时信任 &lt;file&gt; 中的 CA 证书（PEM 或 DER 格式）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Directory for the job journal, audit log and logs (default: %1).</source>
        <translation>任务日志、审计日志和运行日志所在的目录（默认：%1）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>No directory for the journal and logs; use --data-dir.</source>
        <translation>没有用于任务日志和运行日志的目录；请使用 --data-dir。</translation>
    </message>
    <message>
        <source>There is no saved profile named “%1”.</source>
        <translation>没有名为“%1”的已保存连接配置。</translation>
    </message>
    <message>
        <source>No region or endpoint given; use --region, --endpoint or a profile.</source>
        <translation>未指定区域或终端节点；请使用 --region、--endpoint 或连接配置。</translation>
    </message>
    <message>
        <source>Endpoint “%1”: %2</source>
        <translation>终端节点“%1”：%2</translation>
    </message>
    <message>
        <source>Set both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or neither.</source>
        <translation>请同时设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK，或者都不设置。</translation>
    </message>
    <message>
        <source>No credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or use a profile with an access key.</source>
        <translation>没有凭证：请设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK，或使用带有访问密钥的连接配置。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (default: the system language).</source>
        <translation>界面语言：zh_CN 或 en（默认：系统语言）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>With --demo: the simulated project has &lt;count&gt; desktops (1 to %1; default 300), e.g. to try a deletion of 10,000.</source>
        <translation>与 --demo 一起使用：模拟项目包含 &lt;count&gt; 个桌面（1 至 %1；默认 300），例如用于尝试删除 10,000 个桌面。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
    <message>
        <source>--demo-desktops applies to --demo only.</source>
        <translation>--demo-desktops 仅适用于 --demo。</translation>
    </message>
    <message>
        <source>--demo-desktops takes a whole number from 1 to %1.</source>
        <translation>--demo-desktops 的值必须是 1 至 %1 之间的整数。</translation>
    </message>
    <message>
        <source>IAM project id of the region (default: $HUAWEICLOUD_SDK_PROJECT_ID; without one, the region&apos;s project is found from the access key through IAM, at $HUAWEICLOUD_SDK_IAM_ENDPOINT when set).</source>
        <translation>该区域的 IAM 项目 ID（默认：$HUAWEICLOUD_SDK_PROJECT_ID；未提供时，通过 IAM 根据访问密钥找到该区域的项目，若设置了 $HUAWEICLOUD_SDK_IAM_ENDPOINT 则使用该地址）。</translation>
    </message>
    <message>
        <source>No project id and no region given; use --region (the project is then found from the access key), --project-id, HUAWEICLOUD_SDK_PROJECT_ID or a profile.</source>
        <translation>未提供项目 ID 和区域；请使用 --region（届时将根据访问密钥找到项目）、--project-id、HUAWEICLOUD_SDK_PROJECT_ID 或配置文件。</translation>
    </message>
    <message>
        <source>IAM endpoint of region “%1” (“%2”): %3</source>
        <translation>区域“%1”的 IAM 终端节点（“%2”）：%3</translation>
    </message>
    <message>
        <source>Every region needs the region whose IAM lists the account&apos;s projects: give the profile a region.</source>
        <translation>显示全部区域需要一个区域，通过该区域的 IAM 列出帐号的项目：请为连接配置指定区域。</translation>
    </message>
</context>
<context>
    <name>CredentialSource</name>
    <message>
        <source>HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not; set both or neither.</source>
        <translation>已设置 HUAWEICLOUD_SDK_AK，但未设置 HUAWEICLOUD_SDK_SK；请两者都设置或都不设置。</translation>
    </message>
    <message>
        <source>HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not; set both or neither.</source>
        <translation>已设置 HUAWEICLOUD_SDK_SK，但未设置 HUAWEICLOUD_SDK_AK；请两者都设置或都不设置。</translation>
    </message>
    <message>
        <source>HUAWEICLOUD_SDK_SECURITY_TOKEN is set without HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK; temporary credentials need all three.</source>
        <translation>已设置 HUAWEICLOUD_SDK_SECURITY_TOKEN，但未设置 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK；临时凭证需要三者齐全。</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The system keychain is not used; secrets are kept for this run only.</source>
        <translation>未使用系统密钥环；密钥仅在本次运行期间保留。</translation>
    </message>
    <message>
        <source>The system keychain refused access to the secrets of “%1”.</source>
        <translation>系统密钥环拒绝访问“%1”的密钥。</translation>
    </message>
    <message>
        <source>The system keychain could not delete the secrets of “%1”: %2</source>
        <translation>系统密钥环无法删除“%1”的密钥：%2</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Secrets are kept in memory for this run only and must be entered again next time.</source>
        <translation>没有可用的系统密钥环（%1）。密钥仅在本次运行期间保存在内存中，下次需要重新输入。</translation>
    </message>
    <message>
        <source>no secret service</source>
        <translation>没有 Secret Service 服务</translation>
    </message>
</context>
<context>
    <name>DecommissionJson</name>
    <message>
        <source>%1… (%2 characters in all)</source>
        <translation>%1…（共 %2 个字符）</translation>
    </message>
    <message>
        <source>the answer has neither &quot;items&quot; nor &quot;count&quot;</source>
        <translation>应答中既没有“items”也没有“count”</translation>
    </message>
    <message>
        <source>a usage entry is not an object</source>
        <translation>某个使用情况条目不是对象</translation>
    </message>
    <message>
        <source>desktop %1 has an unusable resource_pool_id</source>
        <translation>桌面 %1 的 resource_pool_id 不可用</translation>
    </message>
    <message>
        <source>the answer has neither &quot;desktop_pools&quot; nor &quot;total_count&quot;</source>
        <translation>应答中既没有“desktop_pools”也没有“total_count”</translation>
    </message>
    <message>
        <source>a desktop pool entry is not an object</source>
        <translation>某个桌面池条目不是对象</translation>
    </message>
    <message>
        <source>a usage entry has no usable resource_id</source>
        <translation>某个使用情况条目没有可用的 resource_id</translation>
    </message>
    <message>
        <source>a desktop pool has no usable id</source>
        <translation>某个桌面池没有可用的 id</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>第 %1 字节处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a count</source>
        <translation>“%1”不是计数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an array</source>
        <translation>“%1”不是数组</translation>
    </message>
    <message>
        <source>the %1 of desktop %2 is not a number of seconds</source>
        <translation>桌面 %2 的 %1 不是秒数</translation>
    </message>
    <message>
        <source>The log-off message is empty: the users are told why they are logged off.</source>
        <translation>注销消息为空：需要告诉用户为什么被注销。</translation>
    </message>
    <message>
        <source>The log-off message has %1 characters; the service takes at most %2.</source>
        <translation>注销消息有 %1 个字符；服务最多接受 %2 个。</translation>
    </message>
    <message>
        <source>The log-off message holds a character that is not text (at position %1).</source>
        <translation>注销消息中包含一个不是文本的字符（位置 %1）。</translation>
    </message>
    <message>
        <source>The log-off message is not valid UTF-8 text.</source>
        <translation>注销消息不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>the answer has neither &quot;pool_desktops&quot; nor &quot;total_count&quot;</source>
        <translation>答复中既没有“pool_desktops”也没有“total_count”</translation>
    </message>
    <message>
        <source>a pool&apos;s desktop has no usable desktop_id</source>
        <translation>桌面池中的一个桌面没有可用的 desktop_id</translation>
    </message>
</context>
<context>
    <name>DeleteCommand</name>
    <message numerus="yes">
        <source>Looking up %Ln desktop(s)…</source>
        <translation>
            <numerusform>正在查询 %Ln 个桌面…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the desktops failed; nothing was deleted.</source>
        <translation>查询桌面失败；未删除任何桌面。</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>没有要删除的桌面。</translation>
    </message>
    <message>
        <source>Request %1 of %2 accepted: job %3.</source>
        <translation>第 %1 个请求（共 %2 个）已被接受：任务 %3。</translation>
    </message>
    <message>
        <source>Request %1 of %2 failed: %3</source>
        <translation>第 %1 个请求（共 %2 个）失败：%3</translation>
    </message>
    <message>
        <source>Not sent (%1): %2</source>
        <translation>未发送（%1）：%2</translation>
    </message>
    <message>
        <source>Job %1: %2%</source>
        <translation>任务 %1：%2%</translation>
    </message>
    <message>
        <source>Stopped following job %1: %2</source>
        <translation>已停止跟踪任务 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>, %Ln skipped</source>
        <translation>
            <numerusform>，跳过 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Interrupted: sending no more requests and no longer following the jobs. Jobs already submitted go on on the server and stay in the journal. Press Ctrl+C again to quit at once.</source>
        <translation>已中断：不再发送请求，也不再跟踪任务。已提交的任务会在服务器上继续执行，并保留在任务日志中。再次按 Ctrl+C 立即退出。</translation>
    </message>
    <message>
        <source>Interrupted; nothing was deleted.</source>
        <translation>已中断；未删除任何桌面。</translation>
    </message>
    <message>
        <source>Dry run: nothing is sent. %1 would be deleted in %2.</source>
        <comment>%1: desktops, %2: requests</comment>
        <translation>试运行：不发送任何请求。将通过 %2删除 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln 个请求</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1 in %2…</source>
        <comment>%1: desktops, %2: requests</comment>
        <translation>正在通过 %2删除 %1…</translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>未删除任何桌面。</translation>
    </message>
    <message numerus="yes">
        <source>Following %Ln unfinished job(s) of this project from the journal first…</source>
        <translation>
            <numerusform>先跟踪任务日志中本项目 %Ln 个未结束的任务…</numerusform>
        </translation>
    </message>
    <message>
        <source>Journal job %1: %2.</source>
        <translation>任务日志中的任务 %1：%2。</translation>
    </message>
    <message>
        <source>Not deleting %1.</source>
        <translation>不删除 %1。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Job %1 can no longer be followed; its desktops&apos; outcome is unknown (re-list them): %2</source>
        <translation>无法再跟踪任务 %1；其桌面的结果未知（请重新列出这些桌面）：%2</translation>
    </message>
    <message>
        <source>Request %1 of %2 had no usable answer, but its job %3 was found: following it.</source>
        <translation>第 %1 个请求（共 %2 个）没有收到可用的应答，但已找到其任务 %3：正在跟踪该任务。</translation>
    </message>
    <message>
        <source>Request %1 of %2 had no usable answer and no job of it was found; its desktops&apos; outcome is unknown (re-list them): %3</source>
        <translation>第 %1 个请求（共 %2 个）没有收到可用的应答，也未找到其任务；其桌面的结果未知（请重新列出这些桌面）：%3</translation>
    </message>
    <message numerus="yes">
        <source>Turning autoscale off first for %Ln pool(s)…</source>
        <translation>
            <numerusform>正在先关闭 %Ln 个桌面池的自动伸缩…</numerusform>
        </translation>
    </message>
    <message>
        <source>Autoscale turned off: pool %1.</source>
        <translation>已关闭自动伸缩：桌面池 %1。</translation>
    </message>
    <message>
        <source>The pools of the desktops could not all be found, so no pool was changed and nothing was deleted.</source>
        <translation>无法找到这些桌面所属的全部桌面池，因此未更改任何桌面池，也未删除任何内容。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>Interrupted while turning autoscale off: the request already sent is allowed to finish; nothing is deleted.</source>
        <translation>关闭自动伸缩时被中断：已发出的请求允许完成；不会删除任何内容。</translation>
    </message>
    <message>
        <source>Add --include-yearly-monthly to delete the desktops billed yearly/monthly all the same.</source>
        <translation>添加 --include-yearly-monthly 以仍然删除包年/包月计费的桌面。</translation>
    </message>
    <message>
        <source>Add --turn-autoscale-off-first to turn their autoscale off first.</source>
        <translation>添加 --turn-autoscale-off-first 以先关闭它们的自动伸缩。</translation>
    </message>
</context>
<context>
    <name>DeleteRequest</name>
    <message>
        <source>“%1” is not a desktop id.</source>
        <translation>“%1”不是桌面 ID。</translation>
    </message>
    <message>
        <source>No desktop id given.</source>
        <translation>未指定桌面 ID。</translation>
    </message>
    <message>
        <source>The id file is not UTF-8 text: line %1 holds bytes that are not UTF-8.</source>
        <translation>ID 文件不是 UTF-8 文本：第 %1 行包含非 UTF-8 字节。</translation>
    </message>
</context>
<context>
    <name>DeletionAfterAutoscaleOff</name>
    <message>
        <source>pool %1 (%2): %3</source>
        <translation>桌面池 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Stopped before the deletion started; the pools&apos; autoscale is off, but nothing was deleted.</source>
        <translation>已在删除开始前停止；桌面池的自动伸缩已关闭，但未删除任何桌面。</translation>
    </message>
    <message>
        <source>The connection was closed before the deletion started; nothing was deleted.</source>
        <translation>连接在删除开始前已关闭；未删除任何桌面。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>No pool&apos;s autoscale was turned off.</source>
        <translation>没有关闭任何桌面池的自动伸缩。</translation>
    </message>
    <message numerus="yes">
        <source>Autoscale was turned off for %Ln pool(s): %1.</source>
        <translation>
            <numerusform>已关闭 %Ln 个桌面池的自动伸缩：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The autoscale of %Ln pool(s) could not be turned off, so nothing was deleted: %1. %2</source>
        <translation>
            <numerusform>有 %Ln 个桌面池的自动伸缩无法关闭，因此未删除任何内容：%1。%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionClassifier</name>
    <message>
        <source>listed more than once; counted once</source>
        <translation>重复列出；只计一次</translation>
    </message>
    <message>
        <source>already being deleted by this app</source>
        <translation>正在由本应用删除</translation>
    </message>
    <message>
        <source>in the unfinished job %1</source>
        <translation>属于未结束的任务 %1</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>the outcome of an earlier deletion is unknown; re-list it first</source>
        <translation>先前删除的结果未知；请先重新列出</translation>
    </message>
    <message>
        <source>protected by a tag of the profile</source>
        <translation>受连接配置中的保护标签保护</translation>
    </message>
    <message>
        <source>already being deleted</source>
        <translation>已在删除中</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>desktop id (computer name)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>desktop: reason</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>not found: this is not a desktop ID but may be a computer name; use the desktop&apos;s ID (list --name %1 shows it)</source>
        <translation>未找到：这不是桌面 ID，可能是计算机名；请使用桌面的 ID（list --name %1 可以显示它）</translation>
    </message>
    <message>
        <source>billed yearly/monthly: unsubscribe it in the console</source>
        <translation>包年/包月计费：请在控制台退订</translation>
    </message>
    <message>
        <source>not in maintenance mode</source>
        <translation>不在维护模式中</translation>
    </message>
    <message>
        <source>already in maintenance mode</source>
        <translation>已在维护模式中</translation>
    </message>
    <message>
        <source>already deleted by a later run</source>
        <translation>已被之后的一次运行删除</translation>
    </message>
    <message>
        <source>already retiring; restore it first to give it another date</source>
        <translation>已在退役中；如需设置其他日期，请先恢复</translation>
    </message>
    <message>
        <source>no room for the retirement&apos;s two tags: a desktop holds at most %1 tags</source>
        <translation>没有空间添加退役所需的两个标签：一个桌面最多只能有 %1 个标签</translation>
    </message>
    <message>
        <source>not retiring</source>
        <translation>不在退役中</translation>
    </message>
</context>
<context>
    <name>DeletionController</name>
    <message numerus="yes">
        <source>Following %Ln unfinished deletion job(s) from the last session.</source>
        <translation>
            <numerusform>正在继续跟踪上次会话中 %Ln 个未结束的删除任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>No usable answer came after the request was sent, so the server may have acted on it. Nothing was sent again; the table was refreshed to show which desktops are still there.</source>
        <translation>请求发送后没有收到可用的应答，服务器可能已经执行了该请求。没有重复发送任何请求；已刷新表格，以显示哪些桌面仍然存在。</translation>
    </message>
    <message>
        <source>Deletion finished: %1.</source>
        <translation>删除已结束：%1。</translation>
    </message>
    <message>
        <source>Deletion finished</source>
        <translation>删除已结束</translation>
    </message>
    <message>
        <source>Workspace Admin</source>
        <translation>Workspace 管理器</translation>
    </message>
    <message numerus="yes">
        <source>Looking up %Ln desktop(s)…</source>
        <translation>
            <numerusform>正在查询 %Ln 个桌面…</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the desktops failed; nothing was sent: %1</source>
        <translation>查找桌面失败；未发送任何请求：%1</translation>
    </message>
    <message>
        <source>None of the selected desktops can be changed.</source>
        <translation>所选桌面都无法更改。</translation>
    </message>
    <message>
        <source>None of the selected desktops can be changed: %1</source>
        <translation>所选桌面都无法更改：%1</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何请求。</translation>
    </message>
    <message>
        <source>Retry Failed looks desktops up in the connection&apos;s own project; select the failed desktops of %1 in the table and delete them again.</source>
        <translation>“重试失败的桌面”只在连接自身的项目中查找桌面；请在表格中选中 %1 中失败的桌面，然后再次删除。</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>未发送任何请求：%1</translation>
    </message>
    <message>
        <source>%1: nothing sent: %2</source>
        <translation>%1：未发送任何请求：%2</translation>
    </message>
    <message>
        <source>Looking for the retiring desktops that are due…</source>
        <translation>正在查找已到期的退役中桌面…</translation>
    </message>
    <message>
        <source>Looking for the due desktops failed; nothing was deleted: %1</source>
        <translation>查找到期桌面失败；未删除任何桌面：%1</translation>
    </message>
    <message>
        <source>No desktop is deleted.</source>
        <translation>不删除任何桌面。</translation>
    </message>
    <message>
        <source>Delete Due Desktops</source>
        <translation>删除到期的桌面</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) past their date are kept; the details say why.</source>
        <translation>
            <numerusform>%Ln 个已过日期的桌面被保留；详情中说明了原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>The account&apos;s projects could not be listed, so only the unfinished deletion jobs of the connection&apos;s own project are followed: %1</source>
        <translation>无法列出账号的项目，因此只跟踪本连接所属项目中未完成的删除任务：%1</translation>
    </message>
    <message>
        <source>Retry Failed cannot look up the desktops of %1: the account has no such Workspace project.</source>
        <translation>“重试失败的桌面”无法查找 %1 的桌面：该账号没有这个 Workspace 项目。</translation>
    </message>
</context>
<context>
    <name>DeletionDialog</name>
    <message>
        <source>Also delete &amp;users who have no other desktop</source>
        <translation>同时删除没有其他桌面的用户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Email the users</source>
        <translation>向用户发送邮件通知(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Force delete even if in use</source>
        <translation>强制删除，即使桌面正在使用(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preview Requests</source>
        <translation>预览请求(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Desktop(s)</source>
        <translation>
            <numerusform>删除 %Ln 个桌面</numerusform>
        </translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Users who are logged in lose their session and any unsaved work.</source>
        <translation>已登录的用户会断开会话，未保存的工作将丢失。</translation>
    </message>
    <message>
        <source>A user whose last desktop this is is removed from the directory as well.</source>
        <translation>如果这是某个用户的最后一个桌面，该用户也会从用户目录中删除。</translation>
    </message>
    <message>
        <source>Each user is told by email that the desktop was deleted.</source>
        <translation>每个用户都会收到桌面已删除的邮件通知。</translation>
    </message>
    <message>
        <source>Deletes desktops that are running or have a user logged in, instead of failing for them.</source>
        <translation>删除正在运行或有用户登录的桌面，而不是让这些桌面的删除失败。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Login Status</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>计费模式</translation>
    </message>
    <message>
        <source>To confirm, type the number of desktops to delete (%1):</source>
        <translation>请输入要删除的桌面数量（%1）以确认：</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Delete %Ln Desktop(s)</source>
        <translation>
            <numerusform>删除 %Ln 个桌面(&amp;D)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Request %1 of %2: %Ln desktop(s)</source>
        <translation>
            <numerusform>第 %1 个请求（共 %2 个）：%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in use</source>
        <translation>
            <numerusform>%Ln 个正在使用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln billed yearly/monthly</source>
        <translation>
            <numerusform>%Ln 个包年/包月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sent in %Ln request(s)</source>
        <translation>
            <numerusform>分 %Ln 个请求发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) are billed yearly/monthly: their deletion will fail. Unsubscribe them in the console first.</source>
        <translation>
            <numerusform>%Ln 个桌面为包年/包月计费：删除将会失败。请先在控制台中退订。</numerusform>
        </translation>
    </message>
    <message>
        <source>Each desktop&apos;s system and data disks are deleted with it. An elastic IP is unbound but still billed until you release it.</source>
        <translation>每个桌面的系统盘和数据盘会随之删除。弹性公网 IP 会被解绑，但在释放之前仍会计费。</translation>
    </message>
    <message>
        <source>Desktops to delete</source>
        <translation>要删除的桌面</translation>
    </message>
    <message>
        <source>The desktops this deletion removes; a warning icon marks those in use or billed yearly/monthly</source>
        <translation>本次删除将移除的桌面；警告图标标出正在使用或包年/包月计费的桌面</translation>
    </message>
    <message>
        <source>Number of desktops to delete</source>
        <translation>要删除的桌面数量</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <comment>desktops · in use · billed yearly/monthly · sent in requests</comment>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Desktop ID</source>
        <translation>桌面 ID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected desktop(s) are left out.</source>
        <translation>
            <numerusform>选中的桌面中有 %Ln 个已被排除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the %Ln desktop(s) left out</source>
        <translation>
            <numerusform>显示已排除的 %Ln 个桌面</numerusform>
        </translation>
    </message>
    <message>
        <source>In project %1, region %2.</source>
        <comment>deletion dialog: what the deletion acts on</comment>
        <translation>项目 %1，区域 %2。</translation>
    </message>
    <message>
        <source>In project %1, region %2 (connection “%3”).</source>
        <comment>deletion dialog: what the deletion acts on</comment>
        <translation>项目 %1，区域 %2（连接“%3”）。</translation>
    </message>
    <message>
        <source>&amp;Turn autoscale off first</source>
        <translation>先关闭自动伸缩(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Leave out the %Ln desktop(s) billed yearly/monthly</source>
        <translation>
            <numerusform>排除 %Ln 个包年/包月计费的桌面(&amp;L)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) failed because a user was connected: tick “Force delete” to log the users off and delete them.</source>
        <translation>
            <numerusform>%Ln 个桌面因有用户连接而删除失败：勾选“强制删除”可注销用户并删除这些桌面。</numerusform>
        </translation>
    </message>
    <message>
        <source>First: turn off the autoscale of pool %1</source>
        <translation>首先：关闭桌面池 %1 的自动伸缩</translation>
    </message>
    <message>
        <source>Users removed (no other desktop): %1</source>
        <translation>将删除的用户（没有其他桌面）：%1</translation>
    </message>
    <message>
        <source>Users kept (they have another desktop): %1</source>
        <translation>将保留的用户（还有其他桌面）：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <comment>a list of user names, cut short</comment>
        <translation>
            <numerusform>%1 及另外 %Ln 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking up the users&apos; other desktops… Until then the users listed may be incomplete.</source>
        <translation>正在查询这些用户的其他桌面… 在此之前，列出的用户可能不完整。</translation>
    </message>
    <message>
        <source>Users who may be removed or kept (impact unknown): %1</source>
        <translation>可能被删除或保留的用户（影响未知）：%1</translation>
    </message>
    <message>
        <source>The impact on users is unknown: their other desktops could not all be listed.</source>
        <translation>对用户的影响未知：无法列出他们的全部其他桌面。</translation>
    </message>
    <message>
        <source>Users this deletion removes or keeps</source>
        <translation>此次删除会移除或保留的用户</translation>
    </message>
    <message>
        <source>The console deletes such desktops by unsubscribing them.</source>
        <translation>控制台通过退订来删除此类桌面。</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1（项目 %2）</translation>
    </message>
    <message>
        <source>Projects: %1</source>
        <translation>项目：%1</translation>
    </message>
</context>
<context>
    <name>DeletionImpact</name>
    <message>
        <source>worth retrying</source>
        <translation>可以重试</translation>
    </message>
    <message>
        <source>a user is connected: retry with Force to log the user off</source>
        <translation>有用户已连接：请使用“强制删除”重试，以注销该用户</translation>
    </message>
    <message>
        <source>not found: nothing left to delete</source>
        <translation>未找到：已没有可删除的内容</translation>
    </message>
    <message>
        <source>billed yearly/monthly: unsubscribe it in the console instead</source>
        <translation>包年/包月计费：请改为在控制台中退订</translation>
    </message>
</context>
<context>
    <name>DeletionPreparation</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>DeletionResult</name>
    <message>
        <source>The job ended (%1) without a result for this desktop.</source>
        <translation>任务已结束（%1），但没有此桌面的结果。</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n 个已删除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n 个结果未知</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n 个未发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n 个进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to delete</source>
        <translation>没有要删除的桌面</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between summary counts</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Outcome unknown — re-list the desktops before deciding.</source>
        <translation>结果未知——请先重新列出桌面再做决定。</translation>
    </message>
    <message>
        <source>The job ended (%1) while this desktop&apos;s part was still running.</source>
        <translation>任务已结束（%1），但此桌面对应的部分仍在进行中。</translation>
    </message>
</context>
<context>
    <name>DeletionRun</name>
    <message>
        <source>Already submitted in an unfinished job.</source>
        <translation>已在一个未结束的任务中提交。</translation>
    </message>
    <message>
        <source>Already being deleted by another run.</source>
        <translation>已在另一次运行中删除。</translation>
    </message>
    <message>
        <source>Cancelled before sending.</source>
        <translation>发送前已取消。</translation>
    </message>
    <message>
        <source>No longer followed; the job may still be running.</source>
        <translation>已不再跟踪；该任务可能仍在运行。</translation>
    </message>
    <message>
        <source>The deadline passed before the job ended; it may still be running.</source>
        <translation>任务结束前截止时间已到；任务可能仍在运行。</translation>
    </message>
</context>
<context>
    <name>DeletionStore</name>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
</context>
<context>
    <name>DemoConnection</name>
    <message>
        <source>The demo service could not start on this computer.</source>
        <translation>无法在本机启动演示服务。</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Pay-per-use</source>
        <translation>按需计费</translation>
    </message>
    <message>
        <source>Yearly/monthly</source>
        <translation>包年/包月</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>billing mode that no field of the desktop tells</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not registered</source>
        <comment>login status UNREGISTER</comment>
        <translation>未注册</translation>
    </message>
    <message>
        <source>Ready</source>
        <comment>login status REGISTERED: waiting for a user</comment>
        <translation>就绪</translation>
    </message>
    <message>
        <source>In use</source>
        <comment>login status CONNECTED: a user is logged in</comment>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <comment>login status DISCONNECTED</comment>
        <translation>已断开</translation>
    </message>
</context>
<context>
    <name>DesktopBatchCall</name>
    <message>
        <source>One request takes 1 to 100 desktops, not %1.</source>
        <translation>一个请求可包含 1 到 100 个桌面，而不是 %1 个。</translation>
    </message>
    <message>
        <source>A desktop id must have 1 to 255 characters.</source>
        <translation>桌面 ID 必须为 1 到 255 个字符。</translation>
    </message>
    <message>
        <source>The desktop %1 is named twice in one request.</source>
        <translation>桌面 %1 在同一请求中出现了两次。</translation>
    </message>
</context>
<context>
    <name>DesktopDetailsDialog</name>
    <message>
        <source>Desktop %1</source>
        <translation>桌面 %1</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Desktop ID:</source>
        <translation>桌面 ID：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Task status:</source>
        <translation>操作状态：</translation>
    </message>
    <message>
        <source>Login status:</source>
        <translation>登录状态：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>User group:</source>
        <translation>用户组：</translation>
    </message>
    <message>
        <source>IP addresses:</source>
        <translation>IP 地址：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Billing:</source>
        <translation>计费模式：</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Flavor:</source>
        <translation>规格：</translation>
    </message>
    <message>
        <source>Availability zone:</source>
        <translation>可用区：</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>操作系统：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>&amp;Fields</source>
        <translation>字段(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Desktop JSON</source>
        <translation>桌面 JSON</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>status name (API value)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Loading all fields…</source>
        <translation>正在加载全部字段…</translation>
    </message>
    <message>
        <source>Loading all fields</source>
        <translation>正在加载全部字段</translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation>桌面池：</translation>
    </message>
    <message>
        <source>In maintenance:</source>
        <translation>维护模式：</translation>
    </message>
    <message>
        <source>Yes: users cannot log in</source>
        <comment>in maintenance mode</comment>
        <translation>是：用户无法登录</translation>
    </message>
    <message>
        <source>No</source>
        <comment>in maintenance mode</comment>
        <translation>否</translation>
    </message>
    <message>
        <source>Idle (days):</source>
        <translation>空闲（天）：</translation>
    </message>
    <message>
        <source>Used (hours):</source>
        <translation>使用（小时）：</translation>
    </message>
    <message>
        <source>Could not load every field of the desktop; showing the fields the table has</source>
        <translation>无法加载该桌面的全部字段；显示表格中已有的字段</translation>
    </message>
</context>
<context>
    <name>DesktopFormatter</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>超过 %1</translation>
    </message>
</context>
<context>
    <name>DesktopLoader</name>
    <message>
        <source>The service no longer lists this desktop.</source>
        <translation>服务已不再列出此桌面。</translation>
    </message>
    <message>
        <source>%1 (request id %2)</source>
        <comment>an error, then the request&apos;s id</comment>
        <translation>%1（请求 ID %2）</translation>
    </message>
    <message>
        <source>%1 (IAM trace id %2)</source>
        <comment>an error, then IAM&apos;s trace id</comment>
        <translation>%1（IAM 跟踪 ID %2）</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <comment>region (project id)</comment>
        <translation>%1（项目 %2）</translation>
    </message>
    <message>
        <source>IAM could not list the account&apos;s projects: %1</source>
        <translation>IAM 无法列出帐号的项目：%1</translation>
    </message>
    <message>
        <source>IAM lists no project of a Workspace region for this access key.</source>
        <translation>IAM 没有为此访问密钥列出任何 Workspace 区域的项目。</translation>
    </message>
    <message>
        <source>%1: not listed: %2</source>
        <comment>a project, then its error</comment>
        <translation>%1：未列出：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a project, then why its listing is incomplete</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a project, then a warning about its usage statistics</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: usage statistics not loaded: %2</source>
        <comment>a project, then its error</comment>
        <translation>%1：未加载使用统计：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a project, then why its pools are not all known</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: pools not listed: %2</source>
        <comment>a project, then its error</comment>
        <translation>%1：未能列出桌面池：%2</translation>
    </message>
</context>
<context>
    <name>DesktopTableModel</name>
    <message>
        <source>Protected by a tag of the profile: this desktop is never deleted.</source>
        <translation>受连接配置中的保护标签保护：此桌面永远不会被删除。</translation>
    </message>
    <message>
        <source>The service is deleting this desktop.</source>
        <translation>服务正在删除此桌面。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Login status</source>
        <translation>登录状态</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>计费模式</translation>
    </message>
    <message>
        <source>Availability zone</source>
        <translation>可用区</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Desktop ID</source>
        <translation>桌面 ID</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>desktop status ACTIVE</comment>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Shut off</source>
        <comment>desktop status SHUTOFF</comment>
        <translation>已关机</translation>
    </message>
    <message>
        <source>Hibernated</source>
        <comment>desktop status HIBERNATED</comment>
        <translation>已休眠</translation>
    </message>
    <message>
        <source>Error</source>
        <comment>desktop status ERROR</comment>
        <translation>故障</translation>
    </message>
    <message>
        <source>Starting</source>
        <comment>desktop status STARTING</comment>
        <translation>启动中</translation>
    </message>
    <message>
        <source>Stopping</source>
        <comment>desktop status STOPPING</comment>
        <translation>关机中</translation>
    </message>
    <message>
        <source>Restarting</source>
        <comment>desktop status RESTARTING</comment>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <comment>desktop status HIBERNATING</comment>
        <translation>休眠中</translation>
    </message>
    <message>
        <source>Waking up</source>
        <comment>desktop status AWAKENING</comment>
        <translation>唤醒中</translation>
    </message>
    <message>
        <source>Deleted</source>
        <comment>desktop status DELETED</comment>
        <translation>已删除</translation>
    </message>
    <message>
        <source>deleting</source>
        <comment>desktop task status deleting</comment>
        <translation>删除中</translation>
    </message>
    <message>
        <source>delete failed</source>
        <comment>desktop task status deleteFailed</comment>
        <translation>删除失败</translation>
    </message>
    <message>
        <source>creating</source>
        <comment>desktop task status creating</comment>
        <translation>创建中</translation>
    </message>
    <message>
        <source>powering off</source>
        <comment>desktop task status powering-off</comment>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>powering on</source>
        <comment>desktop task status powering-on</comment>
        <translation>正在开机</translation>
    </message>
    <message>
        <source>rebooting</source>
        <comment>desktop task status rebooting</comment>
        <translation>正在重启</translation>
    </message>
    <message>
        <source>scheduling</source>
        <comment>desktop task status scheduling</comment>
        <translation>调度中</translation>
    </message>
    <message>
        <source>migrating</source>
        <comment>desktop task status migrating</comment>
        <translation>迁移中</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>desktop status (task status)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No data</source>
        <comment>usage: the service has no statistics for the desktop</comment>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Idle (days)</source>
        <translation>空闲天数</translation>
    </message>
    <message>
        <source>Used (hours)</source>
        <translation>使用时长（小时）</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>桌面池</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>维护模式</translation>
    </message>
    <message>
        <source>Yes</source>
        <comment>in maintenance mode</comment>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <comment>in maintenance mode</comment>
        <translation>否</translation>
    </message>
    <message>
        <source>more than %1</source>
        <comment>idle days beyond what the usage period can tell</comment>
        <translation>超过 %1</translation>
    </message>
    <message>
        <source>Retire after</source>
        <translation>退役日期</translation>
    </message>
    <message>
        <source>Date unreadable</source>
        <comment>a retirement tag whose date cannot be read</comment>
        <translation>日期无法读取</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Due</source>
        <comment>a retiring desktop whose date has come</comment>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <comment>desktop type DEDICATED: one user&apos;s own desktop</comment>
        <translation>专属</translation>
    </message>
    <message>
        <source>Pooled</source>
        <comment>desktop type POOLED: a desktop of a pool</comment>
        <translation>池化</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a desktop id, then the regions that list it</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DueDeleteCommand</name>
    <message>
        <source>Looking for the retiring desktops that are due…</source>
        <translation>正在查找已到期的退役中桌面…</translation>
    </message>
    <message>
        <source>Looking for the due desktops failed; nothing was deleted.</source>
        <translation>查找到期桌面失败；未删除任何桌面。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Kept, although past its date: %1</source>
        <translation>已过日期但保留：%1</translation>
    </message>
    <message>
        <source>Nothing is due for deletion.</source>
        <translation>没有到期待删除的桌面。</translation>
    </message>
</context>
<context>
    <name>DueDeletion</name>
    <message>
        <source>It is not retiring: it has no retirement date.</source>
        <translation>它不在退役中：没有退役日期。</translation>
    </message>
    <message>
        <source>Its retirement date cannot be read (not one YYYY-MM-DD date); it is never deleted until the date is corrected or the desktop is restored.</source>
        <translation>无法读取它的退役日期（不是一个 YYYY-MM-DD 日期）；在日期被更正或桌面被恢复之前，它永远不会被删除。</translation>
    </message>
    <message>
        <source>It is not due until %1.</source>
        <translation>它要到 %1 才到期。</translation>
    </message>
    <message>
        <source>It was taken out of maintenance mode, so somebody may be using it again.</source>
        <translation>它已退出维护模式，可能有人又在使用它。</translation>
    </message>
    <message>
        <source>It is not stopped (status %1), so somebody may have started it again.</source>
        <translation>它没有关机（状态 %1），可能有人又启动了它。</translation>
    </message>
    <message>
        <source>A user is connected to it.</source>
        <translation>有用户已连接到它。</translation>
    </message>
    <message>
        <source>Whether it was used since its retirement is unknown: %1</source>
        <translation>无法确定它退役后是否被使用过：%1</translation>
    </message>
    <message>
        <source>A user logged in on %1, after it was retired.</source>
        <translation>有用户在 %1 登录过，晚于其退役时间。</translation>
    </message>
    <message>
        <source>A log-in record since its retirement has no readable time.</source>
        <translation>它退役后有一条登录记录没有可读的时间。</translation>
    </message>
    <message>
        <source>the log-in records were not read to the end.</source>
        <translation>登录记录没有读取完毕。</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>desktop name, desktop id, reason</comment>
        <translation>%1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>DueDeletionPreparation</name>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>The time allowed for finding the due desktops ran out; nothing was deleted.</source>
        <translation>查找到期桌面的允许时间已用完；未删除任何桌面。</translation>
    </message>
    <message>
        <source>Its retirement tags changed while it was being reviewed; it is looked at again next time.</source>
        <translation>检查期间它的退役标签发生了变化；下次会重新检查。</translation>
    </message>
    <message>
        <source>The retiring desktops kept changing while they were being reviewed; nothing was deleted. Try again later.</source>
        <translation>检查期间退役中的桌面一直在变化；未删除任何桌面。请稍后重试。</translation>
    </message>
    <message>
        <source>No desktop of the project is retiring.</source>
        <translation>此项目中没有退役中的桌面。</translation>
    </message>
    <message>
        <source>%1: %2 due for deletion, %3 past their date but kept, %4 not due yet.</source>
        <comment>%1: retiring desktops; %2, %3, %4: counts</comment>
        <translation>%1：%2 个到期待删除，%3 个已过日期但保留，%4 个尚未到期。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln retiring desktop(s)</source>
        <translation>
            <numerusform>%Ln 个退役中的桌面</numerusform>
        </translation>
    </message>
    <message>
        <source>The log-in records could not all be read, so no desktop whose use they had to show is deleted: %1</source>
        <translation>未能读取全部登录记录，因此需要依据这些记录判断使用情况的桌面都不会被删除：%1</translation>
    </message>
    <message>
        <source>The desktop listing was not complete, so some retiring desktops may not have been seen: %1</source>
        <translation>桌面列表不完整，因此可能遗漏了部分退役中的桌面：%1</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <source>The endpoint is not a valid URL with a host name.</source>
        <translation>终端节点不是带主机名的有效 URL。</translation>
    </message>
    <message>
        <source>Plain http is only allowed for this computer (localhost); use https.</source>
        <translation>只有本机 (localhost) 允许使用不加密的 http；请使用 https。</translation>
    </message>
    <message>
        <source>The endpoint must start with https://.</source>
        <translation>终端节点必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The endpoint must not contain a query, a fragment or user information.</source>
        <translation>终端节点不能包含查询参数、片段或用户信息。</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误消息</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <source>Shows or hides the technical details of the error</source>
        <translation>显示或隐藏错误的技术详情</translation>
    </message>
    <message>
        <source>Tries the failed operation again</source>
        <translation>重新尝试失败的操作</translation>
    </message>
    <message>
        <source>Hides this error message</source>
        <translation>隐藏此错误消息</translation>
    </message>
</context>
<context>
    <name>FailureExplanation</name>
    <message>
        <source>The access key or its signature was not accepted.</source>
        <translation>访问密钥 (AK) 或其签名未被接受。</translation>
    </message>
    <message>
        <source>Too many requests: the service is throttling this account.</source>
        <translation>请求过多：服务正在对此账号限流。</translation>
    </message>
    <message>
        <source>The desktop&apos;s current state does not allow this operation.</source>
        <translation>桌面的当前状态不允许执行此操作。</translation>
    </message>
    <message>
        <source>The service does not know this resource (any more).</source>
        <translation>服务找不到此资源（它可能已不存在）。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>explanation (the service&apos;s reason)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>IamJson</name>
    <message>
        <source>the list of projects is not valid JSON (%1)</source>
        <translation>项目列表不是有效的 JSON（%1）</translation>
    </message>
    <message>
        <source>the list of projects is not a JSON object</source>
        <translation>项目列表不是 JSON 对象</translation>
    </message>
    <message>
        <source>the answer has no list of projects</source>
        <translation>答复中没有项目列表</translation>
    </message>
    <message>
        <source>the answer lists %1 projects, more than the %2 any account holds</source>
        <translation>答复列出了 %1 个项目，超过了任何帐号可拥有的 %2 个</translation>
    </message>
    <message>
        <source>an entry of the list of projects is not a JSON object</source>
        <translation>项目列表中的一项不是 JSON 对象</translation>
    </message>
</context>
<context>
    <name>IdleOverviewChart</name>
    <message>
        <source>Idle desktops overview</source>
        <translation>空闲桌面概览</translation>
    </message>
    <message>
        <source>Idle 0–7 days</source>
        <translation>空闲 0–7 天</translation>
    </message>
    <message>
        <source>7–30 days</source>
        <translation>7–30 天</translation>
    </message>
    <message>
        <source>30–90 days</source>
        <translation>30–90 天</translation>
    </message>
    <message>
        <source>90+ days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Retiring</source>
        <translation>退役中</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>已到期</translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s) idle %1 in the usage period</source>
        <translation>
            <numerusform>在使用统计周期内空闲 %1 的桌面：%n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desktop(s) retiring (switched off and waiting for their date)</source>
        <translation>
            <numerusform>退役中的桌面（已关机，等待其日期）：%n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retiring desktop(s) whose date has come</source>
        <translation>
            <numerusform>日期已到的退役中桌面：%n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to show all desktops again.</source>
        <translation>单击以重新显示全部桌面。</translation>
    </message>
    <message>
        <source>Click to show only these desktops.</source>
        <translation>单击以仅显示这些桌面。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Showing only: %1</source>
        <translation>仅显示：%1</translation>
    </message>
</context>
<context>
    <name>IdleOverviewFilter</name>
    <message>
        <source>Retiring or not</source>
        <translation>是否退役</translation>
    </message>
    <message>
        <source>Retiring</source>
        <translation>退役中</translation>
    </message>
    <message>
        <source>Due for deletion</source>
        <translation>已到删除日期</translation>
    </message>
    <message>
        <source>Not retiring</source>
        <translation>未退役</translation>
    </message>
</context>
<context>
    <name>JobCommand</name>
    <message>
        <source>Reading job %1 failed.</source>
        <translation>读取任务 %1 失败。</translation>
    </message>
    <message>
        <source>Job %1 is still running (status %2) after the timeout.</source>
        <translation>超时后任务 %1 仍在运行（状态 %2）。</translation>
    </message>
    <message>
        <source>Job %1: %2, %3 of %4 desktops done…</source>
        <translation>任务 %1：%2，已完成 %3/%4 个桌面…</translation>
    </message>
    <message>
        <source>Job %1 (%2): %3</source>
        <translation>任务 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Failure: %1 %2</source>
        <translation>失败：%1 %2</translation>
    </message>
    <message>
        <source>Job %1 is recorded in the audit log and has left the journal: %2.</source>
        <translation>任务 %1 已记录到审计日志，并已移出任务日志：%2。</translation>
    </message>
    <message>
        <source>Job %1 stays in the journal: %2.</source>
        <translation>任务 %1 仍保留在任务日志中：%2。</translation>
    </message>
    <message>
        <source>Reading job %1 failed; trying again: %2</source>
        <translation>读取任务 %1 失败；正在重试：%2</translation>
    </message>
</context>
<context>
    <name>JobJournal</name>
    <message>
        <source>Cannot read the job journal %1: %2</source>
        <translation>无法读取任务日志 %1：%2</translation>
    </message>
    <message>
        <source>The job journal %1 could not be read (%2); it was kept as %3.</source>
        <translation>无法读取任务日志 %1（%2）；已将其另存为 %3。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write the job journal %1: %2</source>
        <translation>无法写入任务日志 %1：%2</translation>
    </message>
</context>
<context>
    <name>JobModel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Deletion / Desktop</source>
        <translation>删除操作 / 桌面</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Error Code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>Deletion of %Ln desktop(s)</source>
        <translation>
            <numerusform>删除 %Ln 个桌面</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message>
        <source>Sending request %1 of %2…</source>
        <translation>正在发送第 %1 个请求，共 %2 个…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted</source>
        <comment>running count</comment>
        <translation>
            <numerusform>已删除 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>running count</comment>
        <translation>
            <numerusform>失败 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>status (counts so far)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between counts</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
</context>
<context>
    <name>JobTracker</name>
    <message>
        <source>Stopped following job %1: %2</source>
        <translation>已停止跟踪任务 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Job %1 did not end within %n minute(s); it stays in the journal and can be followed again later.</source>
        <translation>
            <numerusform>任务 %1 在 %n 分钟内未结束；它会保留在任务日志中，之后可以继续跟踪。</numerusform>
        </translation>
    </message>
    <message>
        <source>The last check failed: %1</source>
        <translation>上一次检查失败：%1</translation>
    </message>
    <message>
        <source>The job id &quot;%1&quot; cannot be followed; the outcome of its desktops is unknown — re-list them.</source>
        <translation>无法跟踪任务 ID“%1”；其桌面的结果未知——请重新列出这些桌面。</translation>
    </message>
    <message>
        <source>The service no longer knows job %1 (%2); the outcome of its desktops is unknown — re-list them.</source>
        <translation>服务已不再识别任务 %1（%2）；其桌面的结果未知——请重新列出这些桌面。</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Copy Authorization Message</source>
        <translation>复制授权消息(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Retry Failed…</source>
        <translation>重试失败的桌面(&amp;R)…</translation>
    </message>
    <message>
        <source>E&amp;xport Results…</source>
        <translation>导出结果(&amp;X)…</translation>
    </message>
    <message>
        <source>Copy the encoded authorization message, to decode it with IAM</source>
        <translation>复制编码的授权消息，以便用 IAM 解码</translation>
    </message>
    <message>
        <source>Look the failed desktops up again and offer those that still exist</source>
        <translation>重新查询删除失败的桌面，并列出仍然存在的桌面以便再次删除</translation>
    </message>
    <message>
        <source>No deletions yet.</source>
        <translation>尚无删除操作。</translation>
    </message>
    <message>
        <source>A deletion request failed; the requests after it were not sent.</source>
        <translation>一个删除请求失败；其后的请求未发送。</translation>
    </message>
    <message>
        <source>There is no deletion to export.</source>
        <translation>没有可导出的删除操作。</translation>
    </message>
    <message>
        <source>Export Deletion Results</source>
        <translation>导出删除结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Deletion jobs</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Each deletion with its requests and desktops, their status and progress</source>
        <translation>每次删除操作及其请求和桌面，以及它们的状态和进度</translation>
    </message>
    <message>
        <source>Jobs summary</source>
        <translation>任务摘要</translation>
    </message>
    <message>
        <source>Job error</source>
        <translation>任务错误</translation>
    </message>
    <message>
        <source>Save the result of every desktop of the selected deletion as CSV</source>
        <translation>将所选删除操作中每个桌面的结果保存为 CSV</translation>
    </message>
    <message>
        <source>Export &amp;All Results…</source>
        <translation>导出全部结果(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the results of every deletion in this list as one CSV file, retries included, oldest first</source>
        <translation>将此列表中每次删除的结果（包括重试，按时间先后）保存为一个 CSV 文件</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Resumed deletions</source>
        <translation>已恢复的删除</translation>
    </message>
    <message numerus="yes">
        <source>Workspace Admin is following again %Ln deletion(s) interrupted when it was last closed.</source>
        <translation>
            <numerusform>Workspace Admin 正在重新跟踪上次关闭时被中断的 %Ln 次删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of their desktops were never sent a deletion request, so they were not deleted: they are listed as not sent.</source>
        <translation>
            <numerusform>其中 %Ln 个桌面从未发送删除请求，因此没有被删除：它们被列为未发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>No deletions in this session. Earlier deletions and changes are recorded in the audit log: %1</source>
        <translation>本次会话中没有删除。之前的删除和更改记录在审计日志中：%1</translation>
    </message>
    <message>
        <source>Export the Results of All Deletions</source>
        <translation>导出所有删除的结果</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln desktop result(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 条桌面结果导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalCommand</name>
    <message>
        <source>The journal in %1 holds no unfinished job.</source>
        <translation>%1 中的任务日志没有未结束的任务。</translation>
    </message>
    <message>
        <source>The journal holds no job %1.</source>
        <translation>任务日志中没有任务 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Forgetting job %1 stops every follow-up of its %Ln desktop(s), whose outcome is then recorded nowhere: add --yes to confirm.</source>
        <translation>
            <numerusform>忘记任务 %1 会停止对其 %Ln 个桌面的一切后续跟踪，这些桌面的结果将不会记录在任何地方：请加上 --yes 确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log cannot be written, so job %1 is kept: %2</source>
        <translation>无法写入审计日志，因此保留任务 %1：%2</translation>
    </message>
    <message>
        <source>Job %1 is forgotten; its outcome was never learned. Re-list its desktops to see what is still there.</source>
        <translation>已忘记任务 %1；其结果始终未知。请重新列出其桌面，查看哪些仍然存在。</translation>
    </message>
</context>
<context>
    <name>JournalFollower</name>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1（项目 %2）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unfinished deletion job(s) or request(s) of %1 stay in the journal: the account has no such Workspace project.</source>
        <translation>
            <numerusform>%1 的 %Ln 个未完成的删除任务或请求保留在任务日志中：该账号没有这个 Workspace 项目。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeptDesktopsSection</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Desktop ID</source>
        <translation>桌面 ID</translation>
    </message>
    <message>
        <source>Why it is kept</source>
        <translation>保留原因</translation>
    </message>
    <message>
        <source>Retiring desktops past their date that are kept</source>
        <translation>已过日期但被保留的退役中桌面</translation>
    </message>
    <message numerus="yes">
        <source>These %Ln desktop(s) past their date are kept:</source>
        <translation>
            <numerusform>以下 %Ln 个已过日期的桌面被保留：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListAllDesktopsCall</name>
    <message numerus="yes">
        <source>the listing did not finish in time (%Ln desktop(s) read)</source>
        <translation>
            <numerusform>列出未能按时完成（已读取 %Ln 个桌面）</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 of the %2 desktops the service announced arrived: this list is incomplete.</source>
        <translation>服务声明共有 %2 个桌面，但只收到 %1 个：此列表不完整。</translation>
    </message>
    <message>
        <source>Listing stopped after %1 pages with %2 desktops although the service had more to list: this list is incomplete.</source>
        <translation>已列出 %1 页、%2 个桌面后停止，但服务还有更多桌面待列出：此列表不完整。</translation>
    </message>
    <message>
        <source>The service sent no count and kept sending desktops already listed; %1 desktops arrived, more may exist: this list may be incomplete.</source>
        <translation>服务未提供总数，并且不断发送已列出的桌面；已收到 %1 个桌面，可能还有更多：此列表可能不完整。</translation>
    </message>
    <message numerus="yes">
        <source>The service listed desktops more than once (%Ln duplicate(s)); each desktop is shown once.</source>
        <translation>
            <numerusform>服务多次列出了部分桌面（%Ln 个重复）；每个桌面只显示一次。</numerusform>
        </translation>
    </message>
    <message>
        <source>The service kept sending desktops already listed; only %1 of the %2 desktops it announced arrived: this list is incomplete.</source>
        <translation>服务不断发送已列出的桌面；服务声明共有 %2 个桌面，但只收到 %1 个：此列表不完整。</translation>
    </message>
    <message>
        <source>Listing stopped at %1 of answers with %2 desktops, more than a listing may hold: this list is incomplete.</source>
        <translation>列出在答复达到 %1、共 %2 个桌面时停止，超过了列表可容纳的上限：此列表不完整。</translation>
    </message>
</context>
<context>
    <name>ListAllUsageCall</name>
    <message numerus="yes">
        <source>the usage statistics did not arrive in time (%Ln desktop(s) read)</source>
        <translation>
            <numerusform>使用统计未能按时到达（已读取 %Ln 个桌面）</numerusform>
        </translation>
    </message>
    <message>
        <source>The service announced statistics for %1 desktops and sent %2 entries, %3 of them for a desktop it had listed before: %4 desktops have statistics, some may be missing.</source>
        <translation>服务声明有 %1 个桌面的统计，实际发送了 %2 条，其中 %3 条属于之前已列出的桌面：%4 个桌面有统计，可能有缺失。</translation>
    </message>
    <message>
        <source>Only %1 of the %2 desktops with usage statistics the service announced arrived: the statistics are incomplete.</source>
        <translation>服务声明有使用统计的 %2 个桌面中只到达了 %1 个：统计不完整。</translation>
    </message>
    <message>
        <source>The usage statistics stopped after %1 pages with %2 desktops although the service had more: the statistics are incomplete.</source>
        <translation>使用统计在 %1 页、%2 个桌面后停止，但服务还有更多：统计不完整。</translation>
    </message>
    <message>
        <source>The service kept sending usage statistics of desktops already listed; %1 desktops arrived, more may exist: the statistics may be incomplete.</source>
        <translation>服务不断发送已列出桌面的使用统计；已到达 %1 个桌面，可能还有更多：统计可能不完整。</translation>
    </message>
    <message>
        <source>The usage statistics stopped at %1 of answers with %2 desktops, more than a listing may hold: the statistics are incomplete.</source>
        <translation>使用统计在答复达到 %1、共 %2 个桌面时停止，超过了列表可容纳的上限：统计不完整。</translation>
    </message>
    <message>
        <source>The service counted %1 desktops with usage statistics but sent more; its count was ignored and the pages were read to the last (%2 desktops).</source>
        <translation>服务统计有 %1 个桌面有使用统计，但发送了更多；已忽略其计数并读取到最后一页（%2 个桌面）。</translation>
    </message>
    <message>
        <source>The service sent the usage statistics of %1 more than once (%2); each desktop counts once.</source>
        <translation>服务多次发送了 %1 的使用统计（%2）；每个桌面只计一次。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeated entry(s)</source>
        <translation>
            <numerusform>%Ln 条重复条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln more</source>
        <translation>
            <numerusform>%1 及另外 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service sent different usage statistics for the same desktop (%1): the usage of %Ln desktop(s) is unknown.</source>
        <translation>
            <numerusform>服务对同一桌面发送了不同的使用统计（%1）：%Ln 个桌面的使用情况未知。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>Listing the desktops failed.</source>
        <translation>列出桌面失败。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s).</source>
        <translation>
            <numerusform>%Ln 个桌面。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded %1 of %2…</source>
        <comment>%1: a number, %2: desktops</comment>
        <translation>已加载 %2中的 %1 个…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>count</comment>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln desktop(s)…</source>
        <comment>count</comment>
        <translation>
            <numerusform>已加载 %Ln 个桌面…</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) listed; the list is incomplete.</source>
        <translation>
            <numerusform>已列出 %Ln 个桌面；列表不完整。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the usage of the last %Ln day(s)…</source>
        <translation>
            <numerusform>正在加载最近 %Ln 天的使用情况…</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the usage statistics failed.</source>
        <translation>加载使用统计失败。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) without usage statistics for the period (too new, or beyond the 180 days the service keeps) are not known to be idle and are not listed.</source>
        <translation>
            <numerusform>%Ln 个桌面在该时间段内没有使用统计（创建时间太短，或超出服务保留的 180 天），无法确定是否空闲，因此未列出。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListDesktopsPageCall</name>
    <message>
        <source>A page must have an offset of 0 or more and a limit from 0 to 500.</source>
        <translation>分页的偏移量必须大于或等于 0，每页数量必须在 0 到 500 之间。</translation>
    </message>
    <message>
        <source>At most 100 user names can be searched at once, not %1.</source>
        <translation>一次最多可查询 100 个用户名，而不是 %1 个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status the listing can filter on; use one of %2.</source>
        <translation>“%1”不是列表可筛选的状态；请使用 %2 之一。</translation>
    </message>
</context>
<context>
    <name>ListLoginRecordsPageCall</name>
    <message>
        <source>The log-in records need a start and an end time.</source>
        <translation>登录记录需要开始时间和结束时间。</translation>
    </message>
    <message>
        <source>The log-in records&apos; period ends before it starts.</source>
        <translation>登录记录的时间段结束早于开始。</translation>
    </message>
    <message>
        <source>A page must have an offset of 0 or more and a limit from 1 to %1.</source>
        <translation>一页的偏移量必须为 0 或以上，数量上限为 1 到 %1。</translation>
    </message>
</context>
<context>
    <name>ListPoolDesktopsPageCall</name>
    <message>
        <source>A pool id must be 1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;.</source>
        <translation>桌面池 ID 必须由 1 到 255 个字母、数字、“-”、“_”、“.”或“:”组成。</translation>
    </message>
    <message>
        <source>A page of a pool&apos;s desktops has an offset from 0 to %1 and a limit from 1 to %2.</source>
        <translation>桌面池桌面的一页偏移量为 0 到 %1，数量上限为 1 到 %2。</translation>
    </message>
</context>
<context>
    <name>ListProjectsByNameCall</name>
    <message>
        <source>“%1” is not a region id (letters, digits and &apos;-&apos;).</source>
        <translation>“%1”不是区域 ID（字母、数字和“-”）。</translation>
    </message>
</context>
<context>
    <name>ListSubJobsCall</name>
    <message>
        <source>A sub-job page must have an offset from 0 to 10,000 and a limit from 0 to 1,000.</source>
        <translation>子任务分页的偏移量必须在 0 到 10,000 之间，每页数量必须在 0 到 1,000 之间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sub-job status.</source>
        <translation>“%1”不是子任务状态。</translation>
    </message>
</context>
<context>
    <name>ListingWarningBanner</name>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Listing warning</source>
        <translation>列表警告</translation>
    </message>
    <message>
        <source>Lists the desktops again</source>
        <translation>重新列出桌面</translation>
    </message>
</context>
<context>
    <name>LostJobSearch</name>
    <message>
        <source>The request named no desktop.</source>
        <translation>请求中未指定任何桌面。</translation>
    </message>
    <message>
        <source>Looking for the job of the request failed: %1</source>
        <translation>查找该请求对应的任务失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n deletion jobs hold exactly these desktops; none can be told to be this request&apos;s.</source>
        <translation>
            <numerusform>有 %n 个删除任务恰好包含这些桌面；无法判断哪一个属于此请求。</numerusform>
        </translation>
    </message>
    <message>
        <source>No deletion job of the service holds these desktops.</source>
        <translation>服务中没有包含这些桌面的删除任务。</translation>
    </message>
    <message>
        <source>No deletion job of the service holds exactly these desktops.</source>
        <translation>服务中没有恰好包含这些桌面的删除任务。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt; — a simulated project on this computer. Nothing you do here touches a real cloud.</source>
        <translation>&lt;b&gt;演示模式&lt;/b&gt; — 本机上的模拟项目。此处的任何操作都不会影响真实的云资源。</translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation>编辑连接(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>E&amp;xport Shown Rows…</source>
        <translation>导出显示的行(&amp;X)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export &amp;Selected Rows…</source>
        <translation>导出选中的行(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy IDs</source>
        <translation>复制 ID(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Names</source>
        <translation>复制名称(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Select &amp;All Shown</source>
        <translation>全选显示的桌面(&amp;A)</translation>
    </message>
    <message>
        <source>Select by &amp;IDs or Names…</source>
        <translation>按 ID 或名称选择(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop Loading</source>
        <translation>停止加载(&amp;S)</translation>
    </message>
    <message>
        <source>Ser&amp;ver-Side Filters…</source>
        <translation>服务端筛选(&amp;V)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Desktop De&amp;tails…</source>
        <translation>桌面详情(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Delete Desktops…</source>
        <translation>删除桌面(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About Workspace Admin</source>
        <translation>关于 Workspace 管理器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connect To</source>
        <translation>连接到(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Desktops</source>
        <translation>桌面(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Find by name, user, IP or ID (Ctrl+F)</source>
        <translation>按名称、用户、IP 或 ID 查找 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Show only desktops with this status</source>
        <translation>只显示处于此状态的桌面</translation>
    </message>
    <message>
        <source>All login states</source>
        <translation>全部登录状态</translation>
    </message>
    <message>
        <source>Show only desktops with this login status</source>
        <translation>只显示处于此登录状态的桌面</translation>
    </message>
    <message>
        <source>All billing modes</source>
        <translation>全部计费模式</translation>
    </message>
    <message>
        <source>Show only desktops with this billing mode</source>
        <translation>只显示使用此计费模式的桌面</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Workspace Admin</source>
        <translation>Workspace 管理器</translation>
    </message>
    <message>
        <source>Workspace Admin — %1</source>
        <translation>Workspace 管理器 — %1</translation>
    </message>
    <message>
        <source>Loading desktops…</source>
        <translation>正在加载桌面…</translation>
    </message>
    <message>
        <source>Loading %1 of %2…</source>
        <translation>正在加载 %1/%2…</translation>
    </message>
    <message>
        <source>Loading cancelled: the list may be incomplete.</source>
        <translation>已取消加载：列表可能不完整。</translation>
    </message>
    <message>
        <source>Loading desktops failed</source>
        <translation>加载桌面失败</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln value(s).</source>
        <translation>
            <numerusform>已复制 %Ln 个值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Selected Desktops</source>
        <translation>导出选中的桌面</translation>
    </message>
    <message>
        <source>Export Shown Desktops</source>
        <translation>导出显示的桌面</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Not Found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Delete the selected desktops, after a confirmation</source>
        <translation>确认后删除选中的桌面</translation>
    </message>
    <message>
        <source>&amp;Jobs Panel</source>
        <translation>任务面板(&amp;J)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>None of the selected desktops can be deleted: they are protected or already being deleted.</source>
        <translation>选中的桌面都不能删除：它们受保护或已在删除中。</translation>
    </message>
    <message>
        <source>Desktops</source>
        <translation>桌面</translation>
    </message>
    <message>
        <source>The desktops of the project. Enter opens the details, the Delete key deletes the selected desktops after a confirmation.</source>
        <translation>项目中的桌面。按 Enter 打开详情，按 Delete 键在确认后删除选中的桌面。</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <source>Find desktops</source>
        <translation>查找桌面</translation>
    </message>
    <message>
        <source>Shows only the desktops whose name, user, IP address or ID contains this text</source>
        <translation>只显示名称、用户、IP 地址或 ID 包含此文本的桌面</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>Login status filter</source>
        <translation>登录状态筛选</translation>
    </message>
    <message>
        <source>Billing mode filter</source>
        <translation>计费模式筛选</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <source>Desktop counts</source>
        <translation>桌面数量</translation>
    </message>
    <message>
        <source>Stops loading the desktops; the list may stay incomplete</source>
        <translation>停止加载桌面；列表可能不完整</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Deletions Still Running</source>
        <translation>删除仍在进行</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deletion(s) are still being submitted or followed.</source>
        <translation>
            <numerusform>仍有 %Ln 个删除操作正在提交或跟踪中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletions already submitted stay in the journal: Workspace Admin follows them again on its next start with this connection. Requests not yet sent are not sent.

Quit anyway?</source>
        <translation>已提交的删除会保留在任务日志中：下次使用此连接启动时，Workspace 管理器会继续跟踪它们。尚未发送的请求不会发送。

仍要退出吗？</translation>
    </message>
    <message>
        <source>&amp;Quit Anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keep Open</source>
        <translation>保持打开(&amp;K)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>toolbar button</comment>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>toolbar button</comment>
        <translation>详情</translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>toolbar button</comment>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>status bar: desktops · shown · selected</comment>
        <translation>共 %1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s)</source>
        <comment>status bar</comment>
        <translation>
            <numerusform>%Ln 个桌面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <comment>status bar: desktops shown</comment>
        <translation>
            <numerusform>显示 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <comment>status bar: desktops selected</comment>
        <translation>
            <numerusform>已选 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Server-side filter</source>
        <translation>服务端筛选</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Removes the server-side filters and loads every desktop</source>
        <translation>移除服务端筛选并加载全部桌面</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>connection name (region)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — filtered on the server</source>
        <comment>window title</comment>
        <translation>%1 — 已在服务端筛选</translation>
    </message>
    <message>
        <source>Filtered on the server: %1</source>
        <translation>服务端筛选：%1</translation>
    </message>
    <message>
        <source>Only the desktops matching these filters are loaded.</source>
        <translation>只加载与这些筛选条件匹配的桌面。</translation>
    </message>
    <message>
        <source>Secret Key Not Saved</source>
        <translation>未保存秘密访问密钥</translation>
    </message>
    <message>
        <source>The secret key of “%1” could not be saved in the system keychain.</source>
        <translation>无法将“%1”的秘密访问密钥 (SK) 保存到系统密钥环中。</translation>
    </message>
    <message>
        <source>The connection works for this session; at the next start you will be asked for the secret key again.</source>
        <translation>此连接在本次会话中可用；下次启动时会再次要求输入秘密访问密钥 (SK)。</translation>
    </message>
    <message>
        <source>In maintenance or not</source>
        <translation>全部维护状态</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>处于维护模式</translation>
    </message>
    <message>
        <source>Not in maintenance</source>
        <translation>未处于维护模式</translation>
    </message>
    <message>
        <source>Show only desktops in maintenance mode (users cannot log in), or only those not in it</source>
        <translation>只显示处于维护模式（用户无法登录）的桌面，或只显示未处于维护模式的桌面</translation>
    </message>
    <message>
        <source>Maintenance mode filter</source>
        <translation>维护模式筛选</translation>
    </message>
    <message numerus="yes">
        <source>Usage: last %Ln day(s)</source>
        <translation>
            <numerusform>使用情况：最近 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>The period of the Idle and Used columns</source>
        <translation>“空闲天数”和“使用时长”列的统计时间段</translation>
    </message>
    <message>
        <source>Usage period</source>
        <translation>使用统计时间段</translation>
    </message>
    <message>
        <source>Any idle time</source>
        <translation>不限空闲时间</translation>
    </message>
    <message>
        <source>Show only desktops idle for at least this many days in the usage period (desktops without usage data are hidden); 0 shows all</source>
        <translation>只显示在统计时间段内空闲天数不少于此值的桌面（隐藏没有使用数据的桌面）；0 表示全部显示</translation>
    </message>
    <message>
        <source>Idle at least (days)</source>
        <translation>最少空闲天数</translation>
    </message>
    <message>
        <source>Usage statistics</source>
        <translation>使用统计</translation>
    </message>
    <message>
        <source>Loading usage statistics…</source>
        <translation>正在加载使用统计…</translation>
    </message>
    <message>
        <source>Loading usage statistics %1 of %2…</source>
        <translation>正在加载使用统计 %1/%2…</translation>
    </message>
    <message>
        <source>Usage statistics not loaded (stopped)</source>
        <translation>未加载使用统计（已停止）</translation>
    </message>
    <message>
        <source>Usage statistics not loaded: %1</source>
        <translation>未加载使用统计：%1</translation>
    </message>
    <message numerus="yes">
        <source>Usage of the last %Ln day(s)</source>
        <translation>
            <numerusform>最近 %Ln 天的使用情况</numerusform>
        </translation>
    </message>
    <message>
        <source>Start &amp;Maintenance…</source>
        <translation>开启维护模式(&amp;M)…</translation>
    </message>
    <message>
        <source>Put the selected desktops in maintenance mode: their users can no longer log in</source>
        <translation>为选中的桌面开启维护模式：其用户将无法再登录</translation>
    </message>
    <message>
        <source>E&amp;nd Maintenance…</source>
        <translation>关闭维护模式(&amp;N)…</translation>
    </message>
    <message>
        <source>Take the selected desktops out of maintenance mode</source>
        <translation>为选中的桌面关闭维护模式</translation>
    </message>
    <message>
        <source>&amp;Log Users Off…</source>
        <translation>注销用户(&amp;L)…</translation>
    </message>
    <message>
        <source>Log the users of the selected desktops off, with a message to them</source>
        <translation>注销选中桌面的用户，并向其发送一条消息</translation>
    </message>
    <message>
        <source>Log Users Off</source>
        <translation>注销用户</translation>
    </message>
    <message numerus="yes">
        <source>The message the users of %Ln desktop(s) see before they are logged off:</source>
        <translation>
            <numerusform>%Ln 个桌面的用户在被注销前看到的消息：</numerusform>
        </translation>
    </message>
    <message>
        <source>This desktop is being retired. Please save your work and log off.</source>
        <translation>此桌面即将停用。请保存您的工作并注销。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Log-off message</source>
        <translation>注销消息</translation>
    </message>
    <message numerus="yes">
        <source>Put %Ln desktop(s) in maintenance mode? Their users can no longer log in.</source>
        <translation>
            <numerusform>为 %Ln 个桌面开启维护模式？其用户将无法再登录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %Ln desktop(s) out of maintenance mode? Their users can log in again.</source>
        <translation>
            <numerusform>为 %Ln 个桌面关闭维护模式？其用户将可以重新登录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Log the users of %Ln desktop(s) off? Work they have not saved may be lost.</source>
        <translation>
            <numerusform>注销 %Ln 个桌面的用户？用户未保存的工作可能会丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: sending…</source>
        <translation>%1：正在发送…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 desktops…</source>
        <translation>%1：%2/%3 个桌面…</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选工具栏</translation>
    </message>
    <message>
        <source>Loading cancelled: the list and its usage statistics may be incomplete.</source>
        <translation>已取消加载：列表及其使用统计可能不完整。</translation>
    </message>
    <message>
        <source>Loading usage statistics cancelled: the Idle and Used columns may show no data or an earlier period&apos;s.</source>
        <translation>已取消加载使用统计：“空闲天数”和“使用时长”列可能显示无数据或较早时间段的数据。</translation>
    </message>
    <message numerus="yes">
        <source>Idle ≥ %Ln day(s)</source>
        <comment>idle filter: at least N days</comment>
        <translation>
            <numerusform>空闲 ≥ %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Show only the desktops being retired (switched off and waiting for their date), only those due for deletion, or only the others</source>
        <translation>仅显示正在退役的桌面（已关机并等待其日期）、仅显示已到删除日期的桌面，或仅显示其他桌面</translation>
    </message>
    <message>
        <source>Retirement filter</source>
        <translation>退役筛选</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Usage Statistics Not Loaded</source>
        <translation>未加载使用统计</translation>
    </message>
    <message>
        <source>The pools could not be listed: %1</source>
        <translation>无法列出桌面池：%1</translation>
    </message>
    <message>
        <source>Pools incomplete: %1</source>
        <translation>桌面池不完整：%1</translation>
    </message>
    <message>
        <source>&amp;Go to Jobs Panel</source>
        <translation>转到任务面板(&amp;G)</translation>
    </message>
    <message>
        <source>Every deletion has finished.</source>
        <translation>所有删除都已结束。</translation>
    </message>
    <message>
        <source>Nothing is being submitted or followed any more.

Quit now?</source>
        <translation>已没有正在提交或跟踪的内容。

现在退出吗？</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Cancel Running Change</source>
        <translation>取消正在进行的更改(&amp;C)</translation>
    </message>
    <message>
        <source>Send nothing more of the running change; the request already sent is let finish, so that its outcome is known</source>
        <translation>不再发送正在进行的更改的任何请求；已发出的请求允许完成，以便知道其结果</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s) left.</source>
        <translation>
            <numerusform>还可输入 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>及另外 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the pasted IDs or names matched no loaded desktop:</source>
        <translation>
            <numerusform>粘贴的 ID 或名称中有 %Ln 个未匹配任何已加载的桌面：</numerusform>
        </translation>
    </message>
    <message>
        <source>No desktops match the search and the filters.</source>
        <translation>没有与搜索和筛选条件匹配的桌面。</translation>
    </message>
    <message>
        <source>No desktops in this project.</source>
        <translation>此项目中没有桌面。</translation>
    </message>
    <message>
        <source>&amp;Retire Desktops…</source>
        <translation>退役桌面(&amp;R)…</translation>
    </message>
    <message>
        <source>Retire the selected desktops: maintenance mode on, users logged off, tagged with the day they may be deleted, and stopped</source>
        <translation>退役选中的桌面：开启维护模式、注销用户、加上可被删除的日期标签并关机</translation>
    </message>
    <message>
        <source>Rest&amp;ore Retiring Desktops…</source>
        <translation>恢复退役中的桌面(&amp;O)…</translation>
    </message>
    <message>
        <source>Bring retiring desktops back: maintenance mode off, started, the retirement tags removed</source>
        <translation>恢复退役中的桌面：关闭维护模式、启动并移除退役标签</translation>
    </message>
    <message>
        <source>Restoring: sending…</source>
        <translation>恢复：正在发送…</translation>
    </message>
    <message>
        <source>Retiring: sending…</source>
        <translation>退役：正在发送…</translation>
    </message>
    <message>
        <source>Restoring, batch %1: %2…</source>
        <translation>恢复，第 %1 批：%2…</translation>
    </message>
    <message>
        <source>Retiring, batch %1: %2…</source>
        <translation>退役，第 %1 批：%2…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Retirement</source>
        <translation>退役</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) restored: out of maintenance mode, started, and no longer retiring.</source>
        <translation>
            <numerusform>已恢复 %Ln 个桌面：已关闭维护模式、已启动，不再处于退役中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop(s) were not carried through; the details name what was done to each.</source>
        <translation>
            <numerusform>%Ln 个桌面未完成全部步骤；详情中列出了对每个桌面所做的操作。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfinished Retirement</source>
        <translation>未完成的退役</translation>
    </message>
    <message>
        <source>Retire or restore these desktops again to carry them through.</source>
        <translation>请再次退役或恢复这些桌面，以完成全部步骤。</translation>
    </message>
    <message>
        <source>Show only the desktops of this region (or of this project of it)</source>
        <translation>只显示此区域（或此区域中某个项目）的桌面</translation>
    </message>
    <message>
        <source>Region filter</source>
        <translation>区域筛选</translation>
    </message>
    <message>
        <source>all regions</source>
        <comment>connection name (all regions)</comment>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Delete D&amp;ue Desktops…</source>
        <translation>删除到期的桌面(&amp;U)…</translation>
    </message>
    <message>
        <source>Find the retiring desktops whose date has passed and that nobody used since their retirement, and review their deletion</source>
        <translation>查找已过退役日期且退役后无人使用的退役中桌面，并确认是否删除它们</translation>
    </message>
    <message>
        <source>Delete Due Desktops</source>
        <translation>删除到期的桌面</translation>
    </message>
    <message>
        <source>Listing the project&apos;s desktops to find those retiring…</source>
        <translation>正在列出项目的桌面以查找退役中的桌面…</translation>
    </message>
    <message>
        <source>Reading the log-in records since the retirements…</source>
        <translation>正在读取退役以来的登录记录…</translation>
    </message>
    <message>
        <source>Looking the due desktops up for the deletion review…</source>
        <translation>正在查询到期的桌面，以便确认删除…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>None of the selected desktops is in maintenance mode.</source>
        <translation>所选桌面都不在维护模式。</translation>
    </message>
    <message>
        <source>None of the selected desktops is retiring: only retiring desktops can be restored.</source>
        <translation>所选桌面都不在退役中：只有退役中的桌面才能恢复。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the pasted IDs belong to desktops in more than one region and were not selected:</source>
        <translation>
            <numerusform>粘贴的 ID 中有 %Ln 个属于多个区域的桌面，未被选中：</numerusform>
        </translation>
    </message>
    <message>
        <source>Not Selected</source>
        <translation>未选中</translation>
    </message>
</context>
<context>
    <name>MultiProjectChange</name>
    <message>
        <source>%1 (project %2): the desktops could not be looked up: %3</source>
        <translation>%1（项目 %2）：无法查询桌面：%3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>user name (region)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>## %1 (project %2)</source>
        <comment>a project&apos;s planned requests</comment>
        <translation>## %1（项目 %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>project: problem</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>project: why its users&apos; desktops are not known</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>project: its users removed or kept</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>PagedListingCall</name>
    <message>
        <source>%1 of the %2 entries the server announced were received.</source>
        <translation>服务器声明共有 %2 个条目，实际收到 %1 个。</translation>
    </message>
    <message>
        <source>A page brought no entry that had not come before; %1 entries were received.</source>
        <translation>某一页没有带来任何新条目；共收到 %1 个条目。</translation>
    </message>
    <message>
        <source>The listing stopped after %1 pages with %2 entries.</source>
        <translation>列出在 %1 页、%2 个条目后停止。</translation>
    </message>
    <message numerus="yes">
        <source>the listing did not finish in time (%Ln entries read)</source>
        <translation>
            <numerusform>列出未能按时完成（已读取 %Ln 个条目）</numerusform>
        </translation>
    </message>
    <message>
        <source>The server announced %1 entries and sent %2, %3 of them repeating earlier ones: %4 distinct entries.</source>
        <translation>服务器声明有 %1 条，发送了 %2 条，其中 %3 条与之前的重复：共 %4 条不同的条目。</translation>
    </message>
    <message>
        <source>The listing stopped at %1 of answers with %2 entries, more than a listing may hold.</source>
        <translation>列出在答复达到 %1、共 %2 条时停止，超过了列表可容纳的上限。</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>The server&apos;s count (%1) contradicted the entries it sent; paging went on to the last page instead (%2 entries).</source>
        <translation>服务器的计数（%1）与其发送的条目不符；已改为一直读取到最后一页（%2 条）。</translation>
    </message>
</context>
<context>
    <name>PoolAutoscaleCheck</name>
    <message numerus="yes">
        <source>%Ln pool id(s) cannot be used in a request (1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;), so nothing is sent: %1</source>
        <translation>
            <numerusform>有 %Ln 个桌面池 ID 无法用于请求（应为 1 到 255 个字母、数字、“-”、“_”、“.”或“:”），因此不发送任何请求：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>not read back: cancelled</source>
        <translation>未回读：已取消</translation>
    </message>
    <message>
        <source>could not be read back: %1</source>
        <translation>无法回读：%1</translation>
    </message>
    <message>
        <source>listed twice with different autoscale settings</source>
        <translation>被列出两次，自动伸缩设置不同</translation>
    </message>
    <message>
        <source>not read back: %1</source>
        <translation>未回读：%1</translation>
    </message>
    <message>
        <source>no longer listed</source>
        <translation>已不再列出</translation>
    </message>
    <message>
        <source>its autoscale setting is not stated</source>
        <translation>未说明其自动伸缩设置</translation>
    </message>
    <message>
        <source>still reads autoscale on after the change was accepted</source>
        <translation>更改被接受后读取到的自动伸缩仍为开启</translation>
    </message>
</context>
<context>
    <name>PoolMembershipLookUp</name>
    <message>
        <source>The pools could not all be listed: %1</source>
        <translation>无法列出全部桌面池：%1</translation>
    </message>
    <message>
        <source>Pool %1 was listed twice with different autoscale settings; it is taken to scale.</source>
        <translation>桌面池 %1 被列出两次且自动伸缩设置不同；视为会伸缩。</translation>
    </message>
    <message>
        <source>Only the desktops of the first %1 pools were listed.</source>
        <translation>只列出了前 %1 个桌面池的桌面。</translation>
    </message>
    <message numerus="yes">
        <source>No pool was found to hold %Ln pooled desktop(s): %1</source>
        <translation>
            <numerusform>没有找到包含 %Ln 个池化桌面的桌面池：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The desktops of pool %1 could not all be listed: %2</source>
        <translation>无法列出桌面池 %1 的全部桌面：%2</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connection Profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Optional, e.g. https://workspace.example.com</source>
        <translation>可选，例如 https://workspace.example.com</translation>
    </message>
    <message>
        <source>Optional PEM or DER file with extra CA certificates</source>
        <translation>可选，包含额外 CA 证书的 PEM 或 DER 文件</translation>
    </message>
    <message>
        <source>e.g. protected=true, keep</source>
        <translation>例如 protected=true, keep</translation>
    </message>
    <message>
        <source>Only for temporary credentials</source>
        <translation>仅用于临时凭证</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>终端节点 URL(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 证书文件(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Access key (AK):</source>
        <translation>访问密钥 (AK)(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Secret key (SK):</source>
        <translation>秘密访问密钥 (SK)(&amp;S)：</translation>
    </message>
    <message>
        <source>Security t&amp;oken:</source>
        <translation>安全令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为连接配置命名。</translation>
    </message>
    <message>
        <source>Choose a region or enter an endpoint URL.</source>
        <translation>请选择区域或输入终端节点 URL。</translation>
    </message>
    <message>
        <source>Enter the access key and the secret key.</source>
        <translation>请输入访问密钥 (AK) 和秘密访问密钥 (SK)。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the project has %Ln desktop(s).</source>
        <translation>
            <numerusform>已连接：该项目有 %Ln 个桌面。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>缺少的内容</translation>
    </message>
    <message>
        <source>Lists the project&apos;s desktops once with these settings</source>
        <translation>使用这些设置列出一次该项目的桌面</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file</source>
        <translation>保存在系统密钥环中，绝不写入设置文件</translation>
    </message>
    <message>
        <source>Protected ta&amp;gs:</source>
        <translation>保护标签(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Optional: found from the access key in the region</source>
        <translation>可选：根据该区域的访问密钥找到</translation>
    </message>
    <message>
        <source>Finds the region&apos;s project from the access key</source>
        <translation>根据访问密钥查找该区域的项目</translation>
    </message>
    <message>
        <source>Project found from the access key</source>
        <translation>已根据访问密钥找到项目</translation>
    </message>
    <message>
        <source>Choose the region: without a project ID, the region&apos;s project is found from the access key.</source>
        <translation>请选择区域：未填写项目 ID 时，将根据访问密钥找到该区域的项目。</translation>
    </message>
    <message>
        <source>Choose the region and enter the access key and the secret key first: the project is found from them.</source>
        <translation>请先选择区域并输入访问密钥和秘密访问密钥：项目将据此找到。</translation>
    </message>
    <message>
        <source>Finding the project of %1 from the access key…</source>
        <translation>正在根据访问密钥查找 %1 的项目…</translation>
    </message>
    <message>
        <source>Found from the access key: %1</source>
        <translation>已根据访问密钥找到：%1</translation>
    </message>
    <message>
        <source>No project to test: %1</source>
        <translation>没有可测试的项目：%1</translation>
    </message>
    <message>
        <source>Enter the access key and the secret key first.</source>
        <translation>请先输入访问密钥和秘密访问密钥。</translation>
    </message>
    <message>
        <source>Show e&amp;very region where this account has Workspace desktops</source>
        <translation>显示此帐号拥有 Workspace 桌面的全部区域(&amp;V)</translation>
    </message>
    <message>
        <source>Lists the account&apos;s projects through the region&apos;s IAM and shows the desktops of every Workspace region in one table, with a Region column</source>
        <translation>通过该区域的 IAM 列出帐号的项目，并在一个带“区域”列的表格中显示全部 Workspace 区域的桌面</translation>
    </message>
    <message>
        <source>Choose the region whose IAM lists the account&apos;s projects: every region is found through it.</source>
        <translation>请选择用于列出帐号项目的 IAM 所在区域：全部区域都将通过它找到。</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>The settings file cannot be written (access denied).</source>
        <translation>无法写入设置文件（访问被拒绝）。</translation>
    </message>
    <message>
        <source>The settings file is damaged.</source>
        <translation>设置文件已损坏。</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>连接配置需要名称。</translation>
    </message>
</context>
<context>
    <name>ProjectDiscovery</name>
    <message>
        <source>IAM at %1 did not tell the project of region “%2” within %3 seconds.</source>
        <translation>%1 上的 IAM 未在 %3 秒内告知区域“%2”的项目。</translation>
    </message>
    <message>
        <source>The project id can only be found for a region id such as cn-north-4, not “%1”.</source>
        <translation>只能为 cn-north-4 这样的区域 ID 查找项目 ID，而不是“%1”。</translation>
    </message>
    <message>
        <source>The IAM endpoint “%1” cannot be used: %2</source>
        <translation>IAM 终端节点“%1”无法使用：%2</translation>
    </message>
    <message>
        <source>The search for the project of region “%1” was cancelled.</source>
        <translation>已取消查找区域“%1”的项目。</translation>
    </message>
    <message>
        <source>IAM at %1 lists no project named “%2” for this access key; enter the region&apos;s project id yourself.</source>
        <translation>%1 上的 IAM 没有为此访问密钥列出名为“%2”的项目；请自行输入该区域的项目 ID。</translation>
    </message>
    <message>
        <source>IAM at %1 lists %2 projects named “%3” for this access key (%4); choosing one is left to you: enter its id as the project id.</source>
        <translation>%1 上的 IAM 为此访问密钥列出了 %2 个名为“%3”的项目（%4）；由您来选择：请将其 ID 作为项目 ID 输入。</translation>
    </message>
    <message>
        <source>IAM at %1 named the project “%2” with an id that cannot be used in a request.</source>
        <translation>%1 上的 IAM 给出的项目“%2”的 ID 无法用于请求。</translation>
    </message>
    <message>
        <source>[IAM trace id %1]</source>
        <translation>[IAM 跟踪 ID %1]</translation>
    </message>
    <message>
        <source>The project of region “%1” could not be found through IAM at %2: %3</source>
        <translation>无法通过 %2 上的 IAM 找到区域“%1”的项目：%3</translation>
    </message>
    <message>
        <source>(IAM refused to list projects by name, HTTP 403, and then this.)</source>
        <translation>（IAM 拒绝按名称列出项目，HTTP 403，随后出现此情况。）</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>Not sent: the change in %1 did not end with every request done, so nothing more is sent to any project.</source>
        <translation>未发送：%1 中的更改未能完成全部请求，因此不再向任何项目发送请求。</translation>
    </message>
</context>
<context>
    <name>RecordSettlement</name>
    <message numerus="yes">
        <source>The outcome of a deletion request for %n desktop(s) is unknown (the app ended while it was being sent); re-list them before deciding.</source>
        <translation>
            <numerusform>针对 %n 个桌面的删除请求结果未知（发送该请求时应用已退出）；请先重新列出这些桌面再做决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>The job id in the journal cannot be followed; the outcome of its desktops is unknown — re-list them.</source>
        <translation>无法跟踪任务日志中的任务 ID；其桌面的结果未知——请重新列出这些桌面。</translation>
    </message>
    <message numerus="yes">
        <source>A journal entry for %n desktop(s) could not be followed and was settled as &quot;outcome unknown&quot;.</source>
        <translation>
            <numerusform>一条涉及 %n 个桌面的任务日志条目无法跟踪，已记为“结果未知”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The outcome of a request (%1) for %n desktop(s) or pool(s) is unknown (the app ended while it was being sent); re-list them before deciding.</source>
        <translation>
            <numerusform>一个针对 %n 个桌面或桌面池的请求（%1）结果未知（发送时应用已退出）；请先重新列出再做决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>The app ended before the answer to this request was recorded; the change may or may not have been made.</source>
        <translation>应用在记录此请求的应答之前已退出；更改可能已生效，也可能没有。</translation>
    </message>
</context>
<context>
    <name>RecordedDeletions</name>
    <message>
        <source>Sent before the restart; its outcome was not recorded.</source>
        <translation>在重启前已发送；其结果未被记录。</translation>
    </message>
    <message>
        <source>In a job that had not ended when the app was closed.</source>
        <translation>所在任务在应用关闭时尚未结束。</translation>
    </message>
</context>
<context>
    <name>RegionFilter</name>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>项目 %1</translation>
    </message>
</context>
<context>
    <name>RegionsCommand</name>
    <message>
        <source>Listing the account&apos;s projects at %1…</source>
        <translation>正在 %1 列出帐号的项目…</translation>
    </message>
    <message>
        <source>IAM could not list the account&apos;s projects.</source>
        <translation>IAM 无法列出该帐号的项目。</translation>
    </message>
    <message>
        <source>IAM lists no project of a Workspace region for this access key.</source>
        <translation>IAM 没有为此访问密钥列出任何 Workspace 区域的项目。</translation>
    </message>
    <message numerus="yes">
        <source>The desktops of %Ln project(s) could not be counted.</source>
        <translation>
            <numerusform>有 %Ln 个项目的桌面无法计数。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Workspace project(s).</source>
        <translation>
            <numerusform>%Ln 个 Workspace 项目。</numerusform>
        </translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJECT</translation>
    </message>
    <message>
        <source>PROJECT ID</source>
        <translation>PROJECT ID</translation>
    </message>
    <message>
        <source>DESKTOPS</source>
        <translation>DESKTOPS</translation>
    </message>
    <message>
        <source>not counted: %1</source>
        <translation>未计数：%1</translation>
    </message>
</context>
<context>
    <name>RetirementJson</name>
    <message>
        <source>&quot;%1&quot; is not an array</source>
        <translation>“%1”不是数组</translation>
    </message>
    <message>
        <source>The tag %1 may hold only letters, digits, spaces and _ . : = + - @.</source>
        <translation>标签%1只能包含字母、数字、空格以及 _ . : = + - @。</translation>
    </message>
    <message>
        <source>The tag %1 may not begin or end with a space.</source>
        <translation>标签%1不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>A tag key must have 1 to %1 characters.</source>
        <translation>标签键必须为 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>A tag key may not begin with &quot;_sys_&quot;.</source>
        <translation>标签键不能以“_sys_”开头。</translation>
    </message>
    <message>
        <source>A tag value may have at most %1 characters.</source>
        <translation>标签值最多 %1 个字符。</translation>
    </message>
    <message>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>the answer&apos;s job_id is not usable: %1</source>
        <translation>答复中的 job_id 不可用：%1</translation>
    </message>
    <message>
        <source>the answer lists %1 failures for a request of at most 100 desktops</source>
        <translation>答复为最多 100 个桌面的请求列出了 %1 个失败</translation>
    </message>
    <message>
        <source>a failed operation names no usable desktop_id</source>
        <translation>一个失败的操作没有给出可用的 desktop_id</translation>
    </message>
    <message>
        <source>&quot;total_count&quot; is not a count</source>
        <translation>“total_count”不是计数</translation>
    </message>
    <message>
        <source>the answer has neither &quot;records&quot; nor &quot;total_count&quot;</source>
        <translation>答复中既没有“records”也没有“total_count”</translation>
    </message>
    <message>
        <source>a log-in record is not an object</source>
        <translation>一条登录记录不是对象</translation>
    </message>
</context>
<context>
    <name>RetirementRun</name>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation>发送前已取消。</translation>
    </message>
    <message>
        <source>Not sent: the deadline passed first.</source>
        <translation>未发送：截止时间已先到达。</translation>
    </message>
    <message>
        <source>Not sent: the grace period must be 0 to %1 days.</source>
        <translation>未发送：宽限期必须为 0 到 %1 天。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not sent: an earlier step was not done (%1), so nothing more of this run is sent.</source>
        <translation>未发送：之前的一个步骤未完成（%1），因此此运行的其余部分不再发送。</translation>
    </message>
    <message>
        <source>retired: in maintenance, tagged and stopped</source>
        <translation>已退役：处于维护模式、已加标签并已关机</translation>
    </message>
    <message>
        <source>in maintenance and tagged, maybe stopped</source>
        <translation>处于维护模式并已加标签，可能已关机</translation>
    </message>
    <message>
        <source>in maintenance and tagged, not stopped</source>
        <translation>处于维护模式并已加标签，未关机</translation>
    </message>
    <message>
        <source>in maintenance, maybe tagged, not stopped</source>
        <translation>处于维护模式，可能已加标签，未关机</translation>
    </message>
    <message>
        <source>in maintenance, not tagged, not stopped</source>
        <translation>处于维护模式，未加标签，未关机</translation>
    </message>
    <message>
        <source>maybe in maintenance, not tagged, not stopped</source>
        <translation>可能处于维护模式，未加标签，未关机</translation>
    </message>
    <message>
        <source>not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>restored: out of maintenance, started and untagged</source>
        <translation>已恢复：已退出维护模式、已启动并已移除标签</translation>
    </message>
    <message>
        <source>out of maintenance and started, maybe still tagged as retiring</source>
        <translation>已退出维护模式并已启动，可能仍带有退役标签</translation>
    </message>
    <message>
        <source>out of maintenance and started, still tagged as retiring</source>
        <translation>已退出维护模式并已启动，仍带有退役标签</translation>
    </message>
    <message>
        <source>out of maintenance, maybe started, still tagged as retiring</source>
        <translation>已退出维护模式，可能已启动，仍带有退役标签</translation>
    </message>
    <message>
        <source>out of maintenance, not started, still tagged as retiring</source>
        <translation>已退出维护模式，未启动，仍带有退役标签</translation>
    </message>
    <message>
        <source>maybe out of maintenance, not started, still tagged as retiring</source>
        <translation>可能已退出维护模式，未启动，仍带有退役标签</translation>
    </message>
    <message>
        <source>not changed: still retiring</source>
        <translation>未更改：仍在退役中</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>%1: outcome unknown, it may or may not have been done</source>
        <translation>%1：结果未知，可能已完成，也可能未完成</translation>
    </message>
    <message>
        <source>%1 not sent</source>
        <translation>%1 未发送</translation>
    </message>
    <message>
        <source>%1: %2. %3: %4</source>
        <translation>%1：%2。%3：%4</translation>
    </message>
    <message>
        <source>Maintenance on</source>
        <translation>开启维护模式</translation>
    </message>
    <message>
        <source>Log-off</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Tagging</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>Maintenance off</source>
        <translation>关闭维护模式</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Removing the tags</source>
        <translation>移除标签</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n desktop(s) retired, %2 left half-way, %3 not changed.</source>
        <translation>
            <numerusform>%n 个桌面中有 %1 个已退役，%2 个停在中途，%3 个未更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n desktop(s) restored, %2 left half-way, %3 not changed.</source>
        <translation>
            <numerusform>%n 个桌面中有 %1 个已恢复，%2 个停在中途，%3 个未更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetirementSettlement</name>
    <message>
        <source>A restore started %1 (UTC) ended with the app before it finished; its records show no desktop changed.</source>
        <translation>于 %1（UTC）开始的一次恢复在完成前随应用退出而中止；其记录显示没有桌面被更改。</translation>
    </message>
    <message>
        <source>A retirement started %1 (UTC) ended with the app before it finished; its records show no desktop changed.</source>
        <translation>于 %1（UTC）开始的一次退役在完成前随应用退出而中止；其记录显示没有桌面被更改。</translation>
    </message>
    <message numerus="yes">
        <source>A restore started %1 (UTC) ended with the app before it finished; %Ln desktop(s) were left half-way:</source>
        <translation>
            <numerusform>于 %1（UTC）开始的一次恢复在完成前随应用退出而中止；%Ln 个桌面停在中途：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A retirement started %1 (UTC) ended with the app before it finished; %Ln desktop(s) were left half-way:</source>
        <translation>
            <numerusform>于 %1（UTC）开始的一次退役在完成前随应用退出而中止；%Ln 个桌面停在中途：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>desktop: what was done to it</comment>
        <translation>%1：%2。</translation>
    </message>
</context>
<context>
    <name>ReviewWidgets</name>
    <message>
        <source>In Maintenance</source>
        <translation>维护模式</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Request preview</source>
        <translation>请求预览</translation>
    </message>
    <message>
        <source>Shows or hides the requests this change sends</source>
        <translation>显示或隐藏此更改发送的请求</translation>
    </message>
    <message>
        <source>Hide &amp;Preview</source>
        <translation>隐藏预览(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ReviewWidgets::LeftOutSection</name>
    <message>
        <source>Desktops left out</source>
        <translation>已排除的桌面</translation>
    </message>
    <message>
        <source>Shows or hides the selected desktops this change leaves out</source>
        <translation>显示或隐藏此更改排除的所选桌面</translation>
    </message>
</context>
<context>
    <name>SelectByIdsDialog</name>
    <message>
        <source>Select by IDs or Names</source>
        <translation>按 ID 或名称选择</translation>
    </message>
    <message>
        <source>&amp;Select</source>
        <translation>选择(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add to Selection</source>
        <translation>添加到选择(&amp;A)</translation>
    </message>
    <message>
        <source>Desktop IDs or names</source>
        <translation>桌面 ID 或名称</translation>
    </message>
    <message>
        <source>Selects these desktops instead of the current selection</source>
        <translation>选中这些桌面，替换当前的选择</translation>
    </message>
    <message>
        <source>Adds these desktops to the current selection</source>
        <translation>将这些桌面添加到当前的选择</translation>
    </message>
    <message>
        <source>Paste desktop &amp;IDs or computer names, one per line or separated by commas, semicolons or spaces. Rows copied from a spreadsheet work too:</source>
        <translation>粘贴桌面 ID 或计算机名(&amp;I)，每行一个，或以逗号、分号或空格分隔。也可以粘贴从电子表格复制的行：</translation>
    </message>
</context>
<context>
    <name>ServerFilterDialog</name>
    <message>
        <source>Server-Side Filters</source>
        <translation>服务端筛选</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>key=value,key2=value2</source>
        <translation>key=value,key2=value2</translation>
    </message>
    <message>
        <source>The service applies these filters while listing, so that only matching desktops are loaded. Leave a field empty to not filter on it.</source>
        <translation>服务在列出桌面时应用这些筛选条件，因此只会加载匹配的桌面。字段留空表示不按该字段筛选。</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Computer &amp;name:</source>
        <translation>计算机名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>Empties every field, so that OK loads all desktops</source>
        <translation>清空所有字段，这样点击“确定”即加载全部桌面</translation>
    </message>
    <message>
        <source>status %1</source>
        <comment>server filter</comment>
        <translation>状态为 %1</translation>
    </message>
    <message>
        <source>name %1</source>
        <comment>server filter</comment>
        <translation>计算机名为 %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <comment>server filter</comment>
        <translation>用户为 %1</translation>
    </message>
    <message>
        <source>users %1</source>
        <comment>server filter</comment>
        <translation>用户为 %1 之一</translation>
    </message>
    <message>
        <source>IP %1</source>
        <comment>server filter</comment>
        <translation>IP 为 %1</translation>
    </message>
    <message>
        <source>tag %1</source>
        <comment>server filter</comment>
        <translation>标签为 %1</translation>
    </message>
    <message>
        <source>billing %1</source>
        <comment>server filter</comment>
        <translation>计费模式为 %1</translation>
    </message>
    <message>
        <source>type %1</source>
        <comment>server filter</comment>
        <translation>类型为 %1</translation>
    </message>
    <message>
        <source>zone %1</source>
        <comment>server filter</comment>
        <translation>可用区为 %1</translation>
    </message>
    <message>
        <source>pool %1</source>
        <comment>server filter</comment>
        <translation>桌面池为 %1</translation>
    </message>
    <message>
        <source>enterprise project %1</source>
        <comment>server filter</comment>
        <translation>企业项目为 %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <comment>server filter</comment>
        <translation>镜像为 %1</translation>
    </message>
    <message>
        <source>subnet %1</source>
        <comment>server filter</comment>
        <translation>子网为 %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln desktop ID(s)</source>
        <comment>server filter</comment>
        <translation>
            <numerusform>%Ln 个桌面 ID</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between server filters</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>Maintenance mode</source>
        <translation>维护模式</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>处于维护模式</translation>
    </message>
    <message>
        <source>Not in maintenance</source>
        <translation>未处于维护模式</translation>
    </message>
    <message>
        <source>&amp;Maintenance mode:</source>
        <translation>维护模式(&amp;M)：</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <comment>server filter</comment>
        <translation>处于维护模式</translation>
    </message>
    <message>
        <source>not in maintenance</source>
        <comment>server filter</comment>
        <translation>未处于维护模式</translation>
    </message>
</context>
<context>
    <name>ServerInput</name>
    <message>
        <source> [%1 characters in all]</source>
        <extracomment>Appended to a text from the server that was too long to keep; %1 is its length.</extracomment>
        <translation>（共 %1 个字符）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>UpdatePoolAutoscaleCall</name>
    <message>
        <source>A pool id must be 1 to 255 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; or &apos;:&apos;.</source>
        <translation>桌面池 ID 必须由 1 到 255 个字母、数字、“-”、“_”、“.”或“:”组成。</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Workspace Admin User Guide</source>
        <translation>Workspace Admin 用户指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>The user guide is not part of this installation.</source>
        <translation>此安装中不包含用户指南。</translation>
    </message>
</context>
<context>
    <name>UsersDesktopsLookUp</name>
    <message>
        <source>Not connected: the users&apos; desktops cannot be listed.</source>
        <translation>未连接：无法列出这些用户的桌面。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&amp;Add a Connection…</source>
        <translation>添加连接(&amp;A)…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Workspace Admin&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 Workspace 管理器&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Review and delete Huawei Cloud Workspace desktops in batches.&lt;br&gt;&lt;br&gt;Add a connection (a region and an access key; the project is found from the key),&lt;br&gt;or try the app first on a simulated project with 300 desktops.</source>
        <translation>批量查看和删除华为云 Workspace 桌面。&lt;br&gt;&lt;br&gt;添加一个连接（区域和访问密钥，项目会根据密钥自动找到），&lt;br&gt;或先在包含 300 个桌面的模拟项目上试用本应用。</translation>
    </message>
    <message>
        <source>Saved &amp;connections:</source>
        <translation>已保存的连接(&amp;C)：</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <source>Enter or a double click connects</source>
        <translation>按 Enter 或双击即可连接</translation>
    </message>
    <message>
        <source>&amp;Try the Demo</source>
        <translation>试用演示(&amp;T)</translation>
    </message>
    <message>
        <source>Demo of Every &amp;Region</source>
        <translation>全部区域演示(&amp;R)</translation>
    </message>
    <message>
        <source>The simulated account&apos;s desktops in three regions, in one table with a Region column</source>
        <translation>模拟帐号在三个区域中的桌面，显示在一个带“区域”列的表格中</translation>
    </message>
</context>
<context>
    <name>WorkspaceJson</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>第 %1 字节处的 JSON 无效：%2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>the answer has no job_id</source>
        <translation>应答中没有 job_id</translation>
    </message>
    <message>
        <source>the answer has neither id nor status</source>
        <translation>应答中既没有 id 也没有 status</translation>
    </message>
    <message>
        <source>&quot;sub_jobs&quot; is not an array</source>
        <translation>“sub_jobs”不是数组</translation>
    </message>
    <message>
        <source>a sub-job entry is not an object</source>
        <translation>某个子任务条目不是对象</translation>
    </message>
    <message>
        <source>&quot;jobs&quot; is not an array</source>
        <translation>“jobs”不是数组</translation>
    </message>
    <message>
        <source>the answer has neither &quot;jobs&quot; nor &quot;total_count&quot;</source>
        <translation>答复中既没有“jobs”也没有“total_count”</translation>
    </message>
</context>
<context>
    <name>WorkspaceJson::DesktopPageShape</name>
    <message>
        <source>&quot;desktops&quot; is not an array</source>
        <translation>“desktops”不是数组</translation>
    </message>
    <message>
        <source>the answer has neither &quot;desktops&quot; nor &quot;total_count&quot;</source>
        <translation>应答中既没有“desktops”也没有“total_count”</translation>
    </message>
    <message>
        <source>a desktop entry is not an object</source>
        <translation>某个桌面条目不是对象</translation>
    </message>
    <message>
        <source>a desktop has no desktop_id</source>
        <translation>某个桌面没有 desktop_id</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Review and delete Huawei Cloud Workspace desktops in batches.</source>
        <translation>批量查看和删除华为云 Workspace 桌面。</translation>
    </message>
    <message>
        <source>No translation for “%1”; using English.</source>
        <translation>没有“%1”的翻译；将使用英语。</translation>
    </message>
    <message>
        <source>Argument %1 is not valid UTF-8 text; nothing was sent.</source>
        <translation>参数 %1 不是有效的 UTF-8 文本；未发送任何请求。</translation>
    </message>
</context>
</TS>
