package org.promptcensus.core.report;

/** The report's style sheet, inlined in the page: system fonts, no external resource. */
final class ReportCss {
    static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d8dee4;--soft:#f6f8fa;--accent:#0969da}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;color:var(--fg);background:#fff;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",\
            "Noto Sans","Liberation Sans",Arial,sans-serif}
            main{max-width:1200px;margin:0 auto;padding:36px 40px 72px}
            header h1{font-size:30px;line-height:1.2;margin:0 0 6px;letter-spacing:-.015em}
            .lede{color:var(--muted);margin:0 0 22px}
            .cards{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:12px;margin:0 0 20px}
            .card{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:var(--soft)}
            .card .k{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
            .card .v{font-size:20px;font-weight:650;font-variant-numeric:tabular-nums;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .card .s{font-size:12.5px;color:var(--muted)}
            .boxes{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin:0 0 8px}
            .box{border:1px solid var(--line);border-radius:10px;padding:14px 18px;font-size:14px}
            .box h2{font-size:15px;margin:0 0 6px}
            .box ul{margin:0;padding-left:18px}
            .box li{margin:3px 0}
            .box p{margin:0 0 8px}
            .notes{background:#fff8e6;border-color:#f0d8a8}
            .unknown{margin:6px 0 0;font-size:13px}
            .unknown td,.unknown th{padding:2px 10px 2px 0;border:0;text-align:left}
            .unknown .n{text-align:right}
            nav.toc{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:14px;margin:18px 0 0;padding:10px 0;border-top:1px solid var(--line);\
            border-bottom:1px solid var(--line)}
            nav.toc a{color:var(--accent);text-decoration:none}
            nav.toc a:hover{text-decoration:underline}
            section{margin-top:44px}
            section h2{font-size:22px;line-height:1.25;margin:0 0 4px;letter-spacing:-.01em}
            section h3{font-size:15px;margin:22px 0 4px;color:#31373d}
            .intro{color:var(--muted);margin:0 0 14px;max-width:90ch}
            .empty{color:var(--muted);font-style:italic;padding:20px;background:var(--soft);border-radius:8px}
            svg.chart{display:block;width:100%;height:auto;font-family:inherit;overflow:visible}
            svg.chart text{font-family:inherit}
            svg .tick{font-size:12px;fill:#656d76}
            svg .tick.year{font-weight:600;fill:#31373d}
            svg .tick-mark{stroke:#8c959f}
            svg .axis-title{font-size:12.5px;fill:#59636e}
            svg .grid{stroke:#e7eaee;stroke-width:1}
            svg .bar-label{font-size:13px;fill:var(--fg)}
            svg .bar-note{font-size:12px;fill:#656d76}
            svg .panel-title{font-size:14px;font-weight:650;fill:var(--fg)}
            svg .track{fill:#f3f4f6}
            svg .seg{stroke:#fff;stroke-width:1}
            svg .seg:hover{stroke:#1f2328;stroke-width:1.5}
            svg .seg-label{font-size:11px;font-weight:600}
            svg .area{stroke:#fff;stroke-width:.7}
            svg .col{fill:#1f2328;fill-opacity:0}
            svg .col:hover{fill-opacity:.08}
            svg .line{fill:none;stroke-width:2.2;stroke-linejoin:round;stroke-linecap:round}
            svg .series:hover .line{stroke-width:3.5}
            svg .dot{stroke:#fff;stroke-width:1.2}
            .legend{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:0;margin:10px 0 4px;font-size:13px;color:#31373d}
            .legend li{display:flex;align-items:center;gap:6px}
            .sw{width:12px;height:12px;border-radius:3px;display:inline-block;flex:none}
            .panels{display:grid;grid-template-columns:1fr 1fr;gap:14px 28px;margin-top:8px}
            .panel{margin:0;border:1px solid #eef1f4;border-radius:10px;padding:8px 10px 2px}
            details.table{margin-top:12px}
            details.table summary{cursor:pointer;color:var(--accent);font-size:14px;width:max-content}
            .tablewrap{overflow-x:auto;margin-top:8px;border:1px solid #eef1f4;border-radius:8px;width:fit-content;max-width:100%}
            table{border-collapse:collapse;font-size:12.5px;font-variant-numeric:tabular-nums}
            caption{caption-side:bottom;text-align:left;color:var(--muted);font-size:12px;padding:8px 10px}
            th,td{padding:5px 10px;border-bottom:1px solid #eef1f4;text-align:right;white-space:nowrap;vertical-align:top}
            thead th{background:var(--soft);font-weight:600;border-bottom:1px solid var(--line)}
            tbody th{text-align:left;font-weight:500;position:sticky;left:0;background:#fff}
            thead th:first-child{position:sticky;left:0;z-index:1}
            thead th:first-child{text-align:left}
            .sup{color:#9a6700;font-style:italic}
            .none{color:#afb8c1}
            .corr{display:block;color:var(--muted);font-size:11px}
            footer{margin-top:56px;padding-top:14px;border-top:1px solid var(--line);color:var(--muted);font-size:12.5px}
            @media (max-width:900px){.cards{grid-template-columns:repeat(2,1fr)}.boxes,.panels{grid-template-columns:1fr}}
            """;

    private ReportCss() {
    }
}
