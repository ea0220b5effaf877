"use client";

import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";

const LEVELS = [1, 2, 4] as const;

/**
 * The artwork's image; pressing it opens the image over the whole screen, where it can be magnified
 * (buttons, or + and − keys) and moved (scrolling, dragging a finger, or the arrow keys once the image
 * area has focus). Escape or "Close" goes back. Without JavaScript the image simply stays on the page.
 */
export function ZoomableImage({
  src,
  alt,
  width,
  height,
}: {
  src: string;
  alt: string;
  width: number;
  height: number;
}) {
  const t = useTranslations("artwork.zoom");
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState(0);
  const area = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const zoom = (step: number) => setLevel((l) => Math.min(LEVELS.length - 1, Math.max(0, l + step)));
  const factor = LEVELS[level] ?? 1;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setLevel(0);
          setOpen(true);
        }}
        className="group relative mx-auto block cursor-zoom-in"
        aria-label={t("open", { title: alt })}
      >
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={src}
          alt={alt}
          width={width}
          height={height}
          className="mx-auto max-h-[80vh] w-auto rounded border border-line bg-white shadow-sm"
        />
        <span
          aria-hidden="true"
          className="absolute right-3 bottom-3 rounded-full bg-ink/80 px-3 py-1 text-xs text-paper group-hover:bg-accent"
        >
          {t("hint")}
        </span>
      </button>
      <Drawer open={open} onClose={() => setOpen(false)} labelledBy={titleId} side="full">
        <div className="flex h-full flex-col">
          <div className="flex items-center gap-2 border-b border-line px-4 py-2">
            <h2 id={titleId} className="min-w-0 flex-1 truncate font-serif text-lg">
              {alt}
            </h2>
            <Button type="button" variant="subtle" size="icon" onClick={() => zoom(-1)} disabled={level === 0}>
              <span aria-hidden="true">−</span>
              <span className="sr-only">{t("out")}</span>
            </Button>
            <span className="w-12 text-center text-sm tabular-nums" aria-live="polite">
              {t("level", { factor })}
            </span>
            <Button
              type="button"
              variant="subtle"
              size="icon"
              onClick={() => zoom(1)}
              disabled={level === LEVELS.length - 1}
            >
              <span aria-hidden="true">+</span>
              <span className="sr-only">{t("in")}</span>
            </Button>
            <Button type="button" size="sm" onClick={() => setOpen(false)} autoFocus>
              {t("close")}
            </Button>
          </div>
          {/* A focusable scroll box: the browser scrolls it with the arrow keys, a finger or a wheel. */}
          <div
            ref={area}
            tabIndex={0}
            role="region"
            aria-label={t("area")}
            className="min-h-0 flex-1 overflow-auto bg-[#f3efe7] focus-visible:outline-2 focus-visible:outline-accent"
            onKeyDown={(event) => {
              if (event.key === "+" || event.key === "=") zoom(1);
              else if (event.key === "-" || event.key === "_") zoom(-1);
            }}
          >
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={src}
              alt=""
              width={width}
              height={height}
              // At 1× the whole image fits the box; beyond, it is that many box-heights tall and scrolls.
              style={
                factor === 1
                  ? { width: "100%", height: "100%", objectFit: "contain" }
                  : { height: `${factor * 100}%`, width: "auto", maxWidth: "none" }
              }
              className="mx-auto"
            />
          </div>
        </div>
      </Drawer>
    </>
  );
}
